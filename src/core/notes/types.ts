// Moderator notes (node livechat-notes, docs/protocol.md §9): the data a view and
// the sync engine share. Plain data, JSON-safe (no NaN, no Map): it crosses
// contexts by structured clone and sits in the cache.
import type { Unknown } from '../unknown';

/**
 * Whom a note is about, as its author's client saw the participant when the
 * note was written (`<note-about jid nick><occupant-id id/></note-about>`).
 * Each value is absent when unknown; a blank value on the wire reads as absent.
 */
export interface NoteAbout {
  /** the participant's bare real JID (only moderators see it) */
  jid?: string;
  /** the participant's nickname when the note was written */
  nick?: string;
  /** XEP-0421 occupant-id in that room */
  occupantId?: string;
}

/**
 * Wire forms we did not write ourselves, kept byte for byte and sent again as
 * long as the value they carry is the note's current value: a republish (an
 * edit, a renumbering) then changes nothing it did not mean to.
 */
export interface KeptForms {
  /** the `order` attribute as received (null: there was none) */
  order?: { raw: string | null; value: number | null };
  /** the <description> element as received, serialized */
  description?: { xml: string; value: string };
  /** the <note-about> element as received, serialized */
  about?: { xml: string; value: NoteAbout };
}

export interface Note {
  id: string;
  /**
   * Integer position, highest shown first. null when the item's order is
   * missing or not a number: the official client then holds NaN, and writes
   * `order="NaN"` back.
   */
  order: number | null;
  /** absent when the item has no <description> (the official client never writes one without) */
  description?: string;
  /** absent when the note is about no one */
  about?: NoteAbout;
  kept?: KeptForms;
  unknown?: Unknown;
}

/**
 * A room participant as the notes see one: from a presence (nick, and the
 * occupant-id and real JID when the server gives them), or a stand-in built
 * from a note's <note-about> when no present participant matches (`absent`).
 */
export interface Participant {
  nick?: string;
  /** bare real JID */
  jid?: string;
  occupantId?: string;
  /** true for a stand-in built from a note: not in the room now */
  absent?: boolean;
}

/** Edits of notes a view can ask for (view/edit, beside the tasks' edits). */
export type NoteEdit =
  /** a new note on top (order: 1 + the highest), about a participant or no one (core/notes/about.ts aboutParticipant) */
  | { op: 'createNote'; description: string; about?: NoteAbout }
  /** a new text; the order, the participant and what we do not understand are kept as they are */
  | { op: 'editNote'; id: string; description: string }
  | { op: 'deleteNote'; id: string }
  /**
   * Move a note to position `index` of all the room's notes as shown
   * (sortNotes: highest order first, 0 = top; not of a filtered subset),
   * numbered as the official client's drag and drop (order.ts moveNoteTo).
   */
  | { op: 'moveNote'; id: string; index: number };
