// One room in the page panel or the side panel: its tasks, and beside them,
// when the room offers notes to this user, its moderator notes (RoomTabs).
// What the chat asks of the notes (a message's marker: the notes about its
// author; "note about this person": a new note) comes as `notesRequest`, a
// new object each time: it shows the Notes tab, and the notes (RoomNotes.tsx,
// loaded on use) do what it asks.
import { useEffect, useRef } from 'preact/hooks';
import { roomKey, type RoomView } from '../core/types';
import { uiDir, uiLang } from './i18n';
import { RoomNotes } from './onUse';
import { usePref } from './prefs';
import { RoomTabs, type RoomTab } from './RoomTabs';
import { RoomTitle, TaskApp, type TaskAppProps } from './TaskApp';
import { useThemeScheme } from './themeScheme';
import type { OnEdit } from './useEditRunner';
import type { NotesRequest } from './notes/RoomNotes';

export function RoomApp(props: {
  view: RoomView;
  onEdit: OnEdit;
  variant: NonNullable<TaskAppProps['variant']>;
  notesRequest?: NotesRequest;
  showMessage?: TaskAppProps['showMessage'];
}) {
  const { view, variant } = props;
  const [tab, setTab] = usePref<RoomTab>('roomTab', 'tasks');
  const root = useRef<HTMLDivElement>(null);
  useThemeScheme(root);
  // The notes render once their tab is first shown, and stay (their filter, a form being written): a panel
  // opening on its tasks does not load and build every note, hidden, before its first frame.
  const notesShown = useRef(false);
  notesShown.current ||= tab === 'notes';

  useEffect(() => {
    const request = props.notesRequest;
    if (!request) return;
    setTab('notes');
    if (request.kind === 'create') return; // its form takes focus
    // focus to the filter's line (its "Show all notes" button), where the notes shown begin
    const frame = requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('.lct-notes-filter button')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [props.notesRequest]);

  if (!view.notes.available) return <TaskApp view={view} onEdit={props.onEdit} variant={variant} showMessage={props.showMessage} />;
  // in the side panel, the room's name heads both tabs
  const titleAbove = variant === 'sidepanel';
  const tasks = <TaskApp view={view} onEdit={props.onEdit} variant={variant} titleAbove={titleAbove} showMessage={props.showMessage} />;
  return (
    <div ref={root} class={`lct-root lct-${variant} lct-room`} lang={uiLang()} dir={uiDir()}>
      {titleAbove && (
        <header class="lct-header">
          <RoomTitle view={view} />
        </header>
      )}
      <RoomTabs
        selected={tab}
        onSelect={setTab}
        idPrefix="lct-room"
        tasksPanel={tasks}
        // another room: no filter or form of the previous one
        notesPanel={
          notesShown.current && <RoomNotes key={roomKey(view.ref)} view={view} onEdit={props.onEdit} request={props.notesRequest} />
        }
      />
    </div>
  );
}
