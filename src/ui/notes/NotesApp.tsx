// The moderator notes of a room: highest order first, as in the official
// client; a note can be created (about a participant or not), edited, deleted
// after confirmation, dragged (mouse, touch) or moved with the keyboard, with
// the official numbering, and the list filtered by
// participant ("notes about this person", the official rules) and by text.
// It works from plain props (the notes, the participants we see, callbacks):
// the sync engine feeds it and publishes what it asks for.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { aboutDisplay, aboutParticipant, isNoteAbout, participantDisplay, resolveAbout } from '../../core/notes/about';
import { sortNotes } from '../../core/notes/order';
import { quoteMessage } from '../../core/notes/quote';
import { noteMatches } from '../../core/notes/search';
import type { Note, NoteAbout, Participant } from '../../core/notes/types';
import type { DropPlace } from '../boardActions';
import { Dialog } from '../Dialog';
import type { DragAttributes } from '../dragReorder';
import { startDrag } from '../startDrag';
import { icon } from '../icons';
import { t, tn } from '../i18n';
import { useFocusReturn } from '../useFocusReturn';
import { NoteForm } from './NoteForm';
import { NoteItem } from './NoteItem';
import { ParticipantLine } from './ParticipantLine';

const DRAG_ATTRIBUTES: DragAttributes = { row: 'data-note-id', list: 'data-notes-list' };

export interface NotesAppProps {
  /** the room's notes, in the order they arrived */
  notes: Note[];
  /** the room's participants as we see them (from presences) */
  participants: Participant[];
  /** ids of the notes with an edit not saved yet, and of those another moderator just changed */
  pending?: ReadonlySet<string>;
  changed?: ReadonlySet<string>;
  /** the "notes about this person" filter, if on */
  filter?: Participant;
  onFilter: (person: Participant | undefined) => void;
  /**
   * Opens the create form about this participant (a "note about this person"
   * action), quoting the chat message it came from, if any; a new object opens it again.
   */
  createAbout?: { person?: Participant; message?: string };
  onCreate: (description: string, about?: NoteAbout) => void;
  onEdit: (note: Note, description: string) => void;
  onDelete: (id: string) => void;
  /**
   * Moves a note to position `index` of all the notes as shown (0 = top,
   * filtered or not): the engine numbers it as the official client (order.ts).
   */
  onMove: (id: string, index: number) => void;
}

export function NotesApp(props: NotesAppProps) {
  const { participants, filter } = props;
  const [query, setQuery] = useState('');
  /** open create form: about whom (undefined: no one), and its first text */
  const [creating, setCreatingState] = useState<{ about?: Participant; initial?: string; key: number } | null>(null);
  // a new request while the form is open starts a fresh form (its own text and participant)
  const requests = useRef(0);
  const setCreating = (c: { about?: Participant; initial?: string } | null) => setCreatingState(c && { ...c, key: ++requests.current });
  const [deleting, setDeleting] = useState<Note | null>(null);
  // focus goes back to "New note" when a form or the dialog closes (the deleted note's buttons are gone)
  const newButton = useFocusReturn<HTMLButtonElement>();

  useEffect(() => {
    // a "note about this person" from outside: that person, else the filter's
    const request = props.createAbout;
    if (request)
      setCreating({ about: request.person ?? filter, initial: request.message === undefined ? undefined : quoteMessage(request.message) });
  }, [props.createAbout]);

  const sorted = useMemo(() => sortNotes(props.notes), [props.notes]);
  const shown = sorted.filter((n) => (!filter || isNoteAbout(n, filter, participants)) && noteMatches(n, query, participants));

  /**
   * A drop on `target` (above it or below it): the place it leaves the note
   * at among all notes, filtered or not (the official client's drop, as an
   * index: moveNoteTo turns it back into a drop on the note found there).
   */
  const drop = (note: Note, target: Note | undefined, above: boolean) => {
    if (!target || target.id === note.id) return;
    const from = sorted.indexOf(note);
    const at = sorted.indexOf(target);
    const index = above ? (at > from ? at - 1 : at) : at < from ? at + 1 : at;
    if (index !== from) props.onMove(note.id, index);
    // the handle keeps focus through the re-sort: the note keeps its element (keyed by id)
  };
  /** The keyboard moves among the notes shown: a drop on the neighbour above (or below). */
  const move = (note: Note, step: -1 | 1) => drop(note, shown[shown.indexOf(note) + step], step < 0);
  /** Dropped next to a note, or past the last one (below it). */
  const dropAt = (note: Note, place: DropPlace) =>
    place.refId === null
      ? drop(note, shown.at(-1), false)
      : drop(
          note,
          shown.find((n) => n.id === place.refId),
          !place.after,
        );

  const closeCreate = () => {
    setCreating(null);
    newButton.returnFocus();
  };
  const createAboutDisplay = creating?.about && participantDisplay(creating.about);
  const filterDisplay = filter && participantDisplay(filter);

  return (
    <section class="lct-notes" aria-label={t('notes')}>
      <div class="lct-toolbar">
        <button ref={newButton.ref} type="button" class="lct-btn" onClick={() => setCreating({ about: filter })}>
          {icon('plus')}
          {t('newNote')}
        </button>
        <input
          type="search"
          class="lct-input lct-notes-search"
          dir="auto"
          aria-label={t('searchNotes')}
          placeholder={t('searchNotes')}
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </div>

      {filterDisplay && (
        // biome-ignore lint/a11y/useSemanticElements: a labelled group of a line and a button, not form fields
        <div class="lct-notes-filter" role="group" aria-label={t('notesAboutPerson')}>
          <ParticipantLine who={filterDisplay} full />
          <button
            type="button"
            class="lct-icon-btn"
            aria-label={t('clearNotesFilter')}
            title={t('clearNotesFilter')}
            onClick={() => props.onFilter(undefined)}
          >
            {icon('close')}
          </button>
        </div>
      )}

      {creating && (
        <div class="lct-note-create">
          {createAboutDisplay && <ParticipantLine who={createAboutDisplay} full />}
          <NoteForm
            key={creating.key}
            label={createAboutDisplay ? t('newNoteAbout', createAboutDisplay.name || t('unknownParticipant')) : t('newNote')}
            initial={creating.initial}
            submitLabel={t('add')}
            onCancel={closeCreate}
            onSubmit={(description) => {
              props.onCreate(description, creating.about && aboutParticipant(creating.about));
              closeCreate();
            }}
          />
        </div>
      )}

      <p class="lct-hint" role="status">
        {filter || query.trim() ? tn('notesShownOf', shown.length, [sorted.length]) : ''}
      </p>
      {sorted.length === 0 ? (
        <p class="lct-empty-list">{t('noNotes')}</p>
      ) : shown.length === 0 ? (
        <p class="lct-empty-list">{t('noNotesFound')}</p>
      ) : (
        <ul class="lct-note-list" data-notes-list="shown">
          {shown.map((note) => {
            const who = aboutDisplay(note, participants);
            return (
              <NoteItem
                key={note.id}
                note={note}
                who={who}
                filtered={!!filter}
                pending={props.pending?.has(note.id)}
                changed={props.changed?.has(note.id)}
                onFilterAbout={() => props.onFilter(resolveAbout(note.about, participants))}
                onEdit={(description) => props.onEdit(note, description)}
                onDelete={() => setDeleting(note)}
                onMove={(step) => move(note, step)}
                onDragStart={(e) => startDrag(e, note.id, (place) => dropAt(note, place), DRAG_ATTRIBUTES)}
              />
            );
          })}
        </ul>
      )}

      {deleting && (
        <Dialog
          title={t('deleteNoteTitle')}
          onCancel={() => setDeleting(null)}
          describedBy="lct-note-delete-text"
          initialFocus=".lct-btn-danger"
        >
          <p id="lct-note-delete-text">{t('deleteNoteConfirm')}</p>
          <div class="lct-form-actions">
            <button
              type="button"
              class="lct-btn lct-btn-danger"
              onClick={() => {
                props.onDelete(deleting.id);
                setDeleting(null);
                newButton.returnFocus();
              }}
            >
              {t('delete')}
            </button>
            <button type="button" class="lct-btn" onClick={() => setDeleting(null)}>
              {t('cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
