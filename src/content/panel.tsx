// The page panel, loaded on demand once the user is known to be owner or
// admin of the watch page's room: the room's tasks (and notes, when the room
// offers them) in a shadow root beside the chat (see mount.ts for where), and
// the actions on the chat (ChatSide.tsx, loaded once the panel is there):
// "create a task" on messages, and "note about this person" and the notes'
// markers on messages and participants.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import type { NotesRequest } from '../ui/notes/RoomNotes';
import { RoomApp } from '../ui/RoomApp';
import { followPartStyles, uiCss } from '../ui/css';
import type { RoomClient } from '../ui/room-port';
import { lazy, part, usePreloadOnceShown } from '../ui/lazy';
import { ProblemBox } from '../ui/onUse';
import { useRoomClient } from '../ui/useRoomClient';
import type { MountPanel } from './follow';
import { createPanelHost, type Layout } from './mount';
import frameCss from './frame.css?inline';
import { PanelFrame } from './PanelFrame';
import { DEFAULT_PANEL_STATE, loadPanelState, savePanelState, type PanelState } from './panel-state';

const ChatSide = lazy(() => import('./ChatSide').then((m) => m.ChatSide));
const chatFind = part(() => import('./chat-find'));

function Panel(props: {
  origin: string;
  /** the page script's room watch (see rights.ts) */
  client: RoomClient;
  initialLayout: Layout;
  /** the placement's changes (mount.ts), given to the panel */
  onLayout: { current?: (layout: Layout) => void };
}) {
  const { origin, client } = props;
  const { view, gone } = useRoomClient(client);
  const edit = client.edit;
  const [layout, setLayout] = useState(props.initialLayout);
  const [state, setState] = useState<PanelState>(DEFAULT_PANEL_STATE);
  const [notesRequest, setNotesRequest] = useState<NotesRequest>();
  // A state setter: a call from outside schedules a render, never runs one.
  props.onLayout.current = setLayout;
  const openNotes = (nick: string, text: string | undefined | null) => {
    setNotesRequest(text === null ? { kind: 'filter', nick } : { kind: 'create', nick, message: text });
    // a folded panel opens to show them
    setState((s) => (s.collapsed ? { ...s, collapsed: false } : s));
  };

  // once the tasks are there: loading the parts sooner would hold up their first frame
  usePreloadOnceShown(!!view?.loaded);

  useEffect(() => {
    let live = true;
    void loadPanelState(origin).then((saved) => live && setState(saved));
    return () => {
      live = false;
    };
  }, [origin]);

  const onState = (next: PanelState, persist: boolean) => {
    setState(next);
    if (persist) savePanelState(origin, next);
  };

  return (
    <>
      <PanelFrame
        layout={layout}
        title={view?.title ? t(view.notes.available ? 'panelTitleRoomNotes' : 'panelTitleRoom', view.title) : t('panelTitle')}
        state={state}
        onState={onState}
      >
        {gone && <ProblemBox problem={gone} />}
        {view ? (
          <RoomApp
            view={view}
            onEdit={edit}
            variant="panel"
            notesRequest={notesRequest}
            showMessage={async (ref) => {
              const find = await chatFind.get();
              return layout.chat && find?.showChatMessage(layout.chat, ref) ? 'shown' : 'gone';
            }}
          />
        ) : (
          <p class="lct-hint" role="status">
            {t('loading')}
          </p>
        )}
      </PanelFrame>
      {/* the chat's buttons come after the tasks: their code would hold up the first frame with tasks */}
      {view?.loaded && <ChatSide layout={layout} view={view} onEdit={edit} onNotes={openNotes} />}
    </>
  );
}

export const mountPanel: MountPanel = ({ doc, origin, client }) => {
  const onLayout: { current?: (layout: Layout) => void } = {};
  let layout: Layout | undefined;
  const host = createPanelHost(doc, uiCss + frameCss, (next) => {
    layout = next;
    onLayout.current?.(next);
  });
  const stopPartStyles = followPartStyles(host.shadow);
  render(<Panel origin={origin} client={client} initialLayout={layout!} onLayout={onLayout} />, host.mountPoint);

  return {
    unmount() {
      stopPartStyles();
      render(null, host.mountPoint);
      host.remove();
    },
  };
};
