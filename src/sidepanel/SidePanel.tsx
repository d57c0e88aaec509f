// The browser's side panel (Chrome) or sidebar (Firefox): the room's tasks (and notes)
// for the current tab's room, following tab switches and navigation, or
// "All rooms" (every recently moderated room with its open-task count, and a
// room address on a manual XMPP account) when the tab has none or the user
// asks for it. A room picked there stays until the user switches tabs. It
// watches the same live room as the page panel, so both show the same state.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { roomKey, type RoomRef } from '../core/types';
import type { TabInfo } from '../messages';
import { activeTab } from '../ui/active-tab';
import { reasonKey } from '../ui/reason';
import { send } from '../send';
import { ext } from '../ext';
import { onBackgroundMessage } from '../ui/from-background';
import { t, uiDir, uiLang } from '../ui/i18n';
import { problemText } from '../ui/problemText';
import { ProblemBox } from '../ui/StateNotices';
import { RoomApp } from '../ui/RoomApp';
import type { ShowMessage } from '../ui/showMessage';
import { usePreloadOnceShown } from '../ui/lazy';
import { useRoom } from '../ui/useRoom';
import { OpenRoomForm } from './OpenRoomForm';
import { RoomPicker } from './RoomPicker';
import { useAllRooms } from './useAllRooms';

/** "Show message" from the side panel: in the chat of the room's tab in this window (the background asks its page). */
const showMessageBeside =
  (room: RoomRef): ShowMessage =>
  async (ref) => {
    const windowId = (await ext()?.windows.getCurrent())?.id;
    if (windowId === undefined) return 'no-chat';
    const reply = await send({ type: 'view/show-message', room, ref, windowId });
    return reply.ok ? reply.value : 'no-chat';
  };

export function SidePanel() {
  const [info, setInfo] = useState<TabInfo>();
  const [picked, setPicked] = useState<RoomRef>();
  const [showAll, setShowAll] = useState(false);
  const [failure, setFailure] = useState('');
  const tabId = useRef<number | undefined>(undefined);

  const refresh = useCallback(async () => {
    const tab = await activeTab();
    tabId.current = tab?.id;
    if (!tab) return;
    const reply = await send({ type: 'view/tab-info', tabId: tab.id });
    if (reply.ok) setInfo(reply.value);
    setFailure(reply.ok ? '' : t('actionFailed', problemText(reply.error)));
  }, []);

  useEffect(() => {
    void refresh();
    const api = ext();
    if (!api) return;
    // Another tab: its own room again, not the one picked for the previous tab.
    const onActivated = () => {
      setPicked(undefined);
      setShowAll(false);
      void refresh();
    };
    const onUpdated = (id: number) => {
      if (id === tabId.current) void refresh();
    };
    api.tabs.onActivated.addListener(onActivated);
    api.tabs.onUpdated.addListener(onUpdated);
    // The background tells when a content script found (or left) the room of a tab.
    const stopTabRooms = onBackgroundMessage((message) => {
      if (message.type === 'bg/tab-room' && message.tabId === tabId.current) void refresh();
    });
    return () => {
      api.tabs.onActivated.removeListener(onActivated);
      api.tabs.onUpdated.removeListener(onUpdated);
      stopTabRooms();
    };
  }, [refresh]);

  // Picking a room (recent or typed) opens it: the background joins it on its account if it is not already.
  const openRoom = async (ref: RoomRef, title?: string) => {
    setPicked(ref);
    setShowAll(false);
    const reply = await send({ type: 'view/room-open', room: ref, ...(title ? { title } : {}) });
    setFailure(reply.ok ? '' : t('actionFailed', problemText(reply.error)));
  };

  const room = showAll ? undefined : (picked ?? info?.room);
  const { view, edit, gone } = useRoom(room);
  const showMessage = useMemo(() => (room ? showMessageBeside(room) : undefined), [room && roomKey(room)]);
  const rooms = useAllRooms(Boolean(info) && !room);
  usePreloadOnceShown(!!view);

  return (
    <main class="lct-root lct-sidepanel" lang={uiLang()} dir={uiDir()}>
      {failure && (
        <p class="lct-notice lct-error" role="alert">
          {failure}
        </p>
      )}
      {gone && <ProblemBox problem={gone} />}
      {room && (
        <div class="lct-toolbar lct-sidepanel-bar">
          <button type="button" class="lct-btn" onClick={() => setShowAll(true)}>
            {t('sidePanelAllRooms')}
          </button>
        </div>
      )}
      {room ? (
        view && roomKey(view.ref) === roomKey(room) ? (
          <RoomApp view={view} onEdit={edit} variant="sidepanel" showMessage={showMessage} />
        ) : (
          <p class="lct-hint" role="status">
            {t('loading')}
          </p>
        )
      ) : (
        <>
          {info?.reason && (
            <p class="lct-notice" role="status" data-testid="sidepanel-reason">
              {t(reasonKey(info.reason))}
            </p>
          )}
          {info?.problem && <ProblemBox problem={info.problem} />}
          {info && <RoomPicker rooms={rooms ?? info.recent} onPick={(r) => void openRoom(r.ref, r.title)} />}
          {info && <OpenRoomForm accounts={info.accounts} onOpen={(ref) => void openRoom(ref)} />}
        </>
      )}
    </main>
  );
}
