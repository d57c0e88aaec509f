// One room in the page panel or the side panel: its tasks, and beside them,
// when the room offers notes to this user, its moderator notes (RoomTabs).
// What the chat asks of the notes (a message's marker: the notes about its
// author; "note about this person": a new note) comes as `notesRequest`, a
// new object each time, and shows the Notes tab.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Participant } from '../core/notes/types';
import { roomKey, type RoomView } from '../core/types';
import { uiDir, uiLang } from './i18n';
import { RoomNotes } from './onUse';
import { usePref } from './prefs';
import { RoomTabs, type RoomTab } from './RoomTabs';
import { RoomTitle, TaskApp, type TaskAppProps } from './TaskApp';
import { useThemeScheme } from './themeScheme';
import type { OnEdit } from './useEditRunner';

/** About the chat's participant `nick` (found in view.participants when the request is shown). */
export type NotesRequest =
  /** the notes about this participant (the filter) */
  | { kind: 'filter'; nick: string }
  /** a new note about this participant, quoting the chat message it came from, if any */
  | { kind: 'create'; nick: string; message?: string };

export function RoomApp(props: {
  view: RoomView;
  onEdit: OnEdit;
  variant: NonNullable<TaskAppProps['variant']>;
  notesRequest?: NotesRequest;
  showMessage?: TaskAppProps['showMessage'];
}) {
  const { view, variant } = props;
  const [tab, setTab] = usePref<RoomTab>('roomTab', 'tasks');
  const [filter, setFilter] = useState<Participant | undefined>();
  const [createAbout, setCreateAbout] = useState<{ person?: Participant; message?: string }>();
  const root = useRef<HTMLDivElement>(null);
  useThemeScheme(root);

  // Another room: no filter or form of the previous one.
  const key = roomKey(view.ref);
  useEffect(() => {
    setFilter(undefined);
    setCreateAbout(undefined);
  }, [key]);

  useEffect(() => {
    const request = props.notesRequest;
    if (!request) return;
    setTab('notes');
    // someone who left is known by nickname only
    const person = view.participants[request.nick] ?? { nick: request.nick };
    if (request.kind === 'create') {
      setCreateAbout({ person, message: request.message }); // its form takes focus
      return;
    }
    setFilter(person);
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
        notesPanel={<RoomNotes view={view} onEdit={props.onEdit} filter={filter} onFilter={setFilter} createAbout={createAbout} />}
      />
    </div>
  );
}
