// The notes of one room view (RoomView.notes and .participants) in NotesApp:
// turns its callbacks into note edits for the background, and tells a failed
// edit in the error region. It keeps the "notes about this person" filter,
// which the page panel also sets from the chat (a message's marker), as it
// asks for a new note ("note about this person"): RoomApp passes the chat's
// latest request, done once even if it came before this part.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Participant } from '../../core/notes/types';
import type { RoomView } from '../../core/types';
import { ErrorRegion } from '../ErrorRegion';
import { t } from '../i18n';
import { useEditRunner, type OnEdit } from '../useEditRunner';
import '../part-styles';
import { NotesApp, type NotesAppProps } from './NotesApp';

/** About the chat's participant `nick` (found in view.participants when the request is done). */
export type NotesRequest =
  /** the notes about this participant (the filter) */
  | { kind: 'filter'; nick: string }
  /** a new note about this participant, quoting the chat message it came from, if any */
  | { kind: 'create'; nick: string; message?: string };

/** Requests done: the notes of another room (mounted anew) must not do the last one again. */
const done = new WeakSet<NotesRequest>();

export function RoomNotes(props: { view: RoomView; onEdit: OnEdit; request?: NotesRequest }) {
  const { view, request } = props;
  const [filter, setFilter] = useState<Participant | undefined>();
  const [createAbout, setCreateAbout] = useState<NotesAppProps['createAbout']>();
  useEffect(() => {
    if (!request || done.has(request)) return;
    done.add(request);
    // someone who left is known by nickname only
    const person = view.participants[request.nick] ?? { nick: request.nick };
    if (request.kind === 'create')
      setCreateAbout({ person, message: request.message }); // its form takes focus
    else setFilter(person);
  }, [request]);
  const { run, error, clearError } = useEditRunner(props.onEdit);
  const notes = useMemo(() => Object.values(view.notes.items), [view.notes.items]);
  const participants = useMemo(() => Object.values(view.participants), [view.participants]);
  const pending = useMemo(() => new Set(view.notes.pending.map((p) => p.itemId)), [view.notes.pending]);
  const changed = useMemo(() => new Set(view.changed), [view.changed]);

  if (!view.notes.loaded) {
    return (
      <p class="lct-hint" role="status">
        {t('loading')}
      </p>
    );
  }
  return (
    <>
      <ErrorRegion error={error} onDismiss={clearError} />
      <NotesApp
        notes={notes}
        participants={participants}
        pending={pending}
        changed={changed}
        filter={filter}
        onFilter={setFilter}
        createAbout={createAbout}
        onCreate={(description, about) => void run({ op: 'createNote', description, ...(about ? { about } : {}) })}
        onEdit={(note, description) => void run({ op: 'editNote', id: note.id, description })}
        onDelete={(id) => void run({ op: 'deleteNote', id })}
        onMove={(id, index) => void run({ op: 'moveNote', id, index })}
      />
    </>
  );
}
