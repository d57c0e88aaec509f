// The notes of one room view (RoomView.notes and .participants) in NotesApp:
// turns its callbacks into note edits for the background, and tells a failed
// edit in the error region. The "notes about this person" filter and the
// create requests live with the caller: the page panel sets them from the
// chat (a message's marker, "note about this person").
import { useMemo } from 'preact/hooks';
import type { Participant } from '../../core/notes/types';
import type { RoomView } from '../../core/types';
import { ErrorRegion } from '../ErrorRegion';
import { t } from '../i18n';
import { useEditRunner, type OnEdit } from '../useEditRunner';
import '../part-styles';
import { NotesApp, type NotesAppProps } from './NotesApp';

export function RoomNotes(props: {
  view: RoomView;
  onEdit: OnEdit;
  filter?: Participant;
  onFilter: (person: Participant | undefined) => void;
  createAbout?: NotesAppProps['createAbout'];
}) {
  const { view } = props;
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
        filter={props.filter}
        onFilter={props.onFilter}
        createAbout={props.createAbout}
        onCreate={(description, about) => void run({ op: 'createNote', description, ...(about ? { about } : {}) })}
        onEdit={(note, description) => void run({ op: 'editNote', id: note.id, description })}
        onDelete={(id) => void run({ op: 'deleteNote', id })}
        onMove={(id, index) => void run({ op: 'moveNote', id, index })}
      />
    </>
  );
}
