// One moderator note: its participant, its text, and its actions (notes
// about this person, edit, delete). The handle drags the note (mouse, touch)
// and moves it with the arrow keys (Alt+arrows anywhere on the note). While the note is edited, changes
// of order by other moderators re-sort the list around it without losing
// the form (its state lives here, keyed by note id).
import { useState } from 'preact/hooks';
import type { AboutDisplay } from '../../core/notes/about';
import type { Note } from '../../core/notes/types';
import { t } from '../i18n';
import { iconButton, pendingMark } from '../icons';
import { longText } from '../LongText';
import { useFocusReturn } from '../useFocusReturn';
import { NoteForm } from './NoteForm';
import { ParticipantLine } from './ParticipantLine';

const noteDomId = (id: string) => `lct-note-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export function NoteItem(props: {
  note: Note;
  who?: AboutDisplay;
  /** a participant filter is on: the participant is shown in full, and has no "notes about" button */
  filtered: boolean;
  /** an edit of it is not saved on the server yet */
  pending?: boolean;
  /** another moderator changed it a moment ago (a brief highlight) */
  changed?: boolean;
  onFilterAbout: () => void;
  onEdit: (description: string) => void;
  onDelete: () => void;
  onMove: (step: -1 | 1) => void;
  onDragStart: (e: PointerEvent) => void;
}) {
  const { note, who } = props;
  const [editing, setEditing] = useState(false);
  const editButton = useFocusReturn<HTMLButtonElement>();
  const stopEditing = () => {
    editButton.returnFocus();
    setEditing(false);
  };
  const textId = noteDomId(note.id);
  const arrows = (e: KeyboardEvent, needAlt: boolean) => {
    if (needAlt !== e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    if ((e.target as HTMLElement).closest('form')) return;
    e.preventDefault();
    e.stopPropagation();
    props.onMove(e.key === 'ArrowUp' ? -1 : 1);
  };

  if (editing) {
    return (
      <li class="lct-note" data-note-id={note.id}>
        {who && <ParticipantLine who={who} full />}
        <NoteForm
          label={t('editNote')}
          initial={note.description ?? ''}
          submitLabel={t('save')}
          onCancel={stopEditing}
          onSubmit={(description) => {
            stopEditing();
            props.onEdit(description);
          }}
        />
      </li>
    );
  }

  return (
    <li
      class={['lct-note', props.pending && 'is-pending', props.changed && 'is-changed'].filter(Boolean).join(' ')}
      data-note-id={note.id}
      onKeyDown={(e) => arrows(e, true)}
    >
      {iconButton('grip', t('dragHandle'), {
        class: 'lct-handle',
        'data-focus': 'handle',
        'aria-describedby': textId,
        title: t('dragHandleHint'),
        onPointerDown: props.onDragStart,
        onKeyDown: (e) => arrows(e, false),
      })}
      <div class="lct-note-body">
        {who && <ParticipantLine who={who} full={props.filtered} />}
        {longText({ id: textId, tag: 'p', class: 'lct-note-text', text: note.description ?? '', maxChars: 600 })}
        {props.pending && pendingMark()}
      </div>
      <div class="lct-task-actions">
        {who && !props.filtered && iconButton('eye', t('notesAboutPerson'), { 'aria-describedby': textId, onClick: props.onFilterAbout })}
        {iconButton('pencil', t('editNote'), {
          ref: editButton.ref,
          'data-focus': 'edit',
          'aria-describedby': textId,
          onClick: () => setEditing(true),
        })}
        {iconButton('trash', t('deleteNote'), {
          class: 'lct-danger',
          'data-focus': 'delete',
          'aria-describedby': textId,
          onClick: props.onDelete,
        })}
      </div>
    </li>
  );
}
