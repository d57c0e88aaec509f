// Tying notes to participants (docs/protocol.md §9.3), with the official client's
// rules: a note finds its participant by occupant-id, else by bare JID, else
// by nickname (only when it has a JID), else stands for an absent participant;
// "notes about this person" also shows the notes whose participant has the
// same current nickname, for anonymous users whose JID and occupant-id change
// with each session.
import { bareKeyOf } from '../jid';
import type { MucPresence } from '../stanzas';
import type { Note, NoteAbout, Participant } from './types';

/** A room participant as its presence shows it (the real JID only reaches moderators). */
export function participantOf(presence: Pick<MucPresence, 'nick' | 'jid' | 'occupantId'>): Participant {
  const p: Participant = { nick: presence.nick };
  const jid = presence.jid?.split('/', 1)[0];
  if (jid) p.jid = jid;
  if (presence.occupantId) p.occupantId = presence.occupantId;
  return p;
}

/**
 * What a new note about `p` records: its bare JID, nickname and occupant-id,
 * each only when known and not empty; undefined when nothing is known (the
 * note is then about no one, as the official client writes it).
 */
export function aboutParticipant(p: Participant): NoteAbout | undefined {
  const about: NoteAbout = {};
  const jid = p.jid?.split('/', 1)[0];
  if (jid) about.jid = jid;
  if (p.nick) about.nick = p.nick;
  if (p.occupantId) about.occupantId = p.occupantId;
  return about.jid || about.nick || about.occupantId ? about : undefined;
}

/**
 * The participant a note is about among `present` (the room's participants
 * as we know them), or a stand-in built from the note when none matches;
 * undefined when the note is about no one.
 */
export function resolveAbout(about: NoteAbout | undefined, present: readonly Participant[]): Participant | undefined {
  if (!about || !(about.jid || about.nick || about.occupantId)) return undefined;
  if (about.occupantId) {
    const found = present.find((p) => p.occupantId === about.occupantId);
    if (found) return found;
  }
  if (about.jid) {
    const key = bareKeyOf(about.jid);
    const found =
      present.find((p) => p.jid !== undefined && bareKeyOf(p.jid) === key) ??
      (about.nick ? present.find((p) => p.nick === about.nick) : undefined);
    if (found) return found;
  }
  const standIn: Participant = { absent: true };
  if (about.nick) standIn.nick = about.nick;
  if (about.jid) standIn.jid = about.jid.split('/', 1)[0];
  if (about.occupantId) standIn.occupantId = about.occupantId;
  return standIn;
}

/**
 * Whether two participants are the same person: the same occupant-id, or the
 * same bare JID (the official client's stand-ins join its occupant list, where
 * later notes find them by these two).
 */
export function sameParticipant(a: Participant, b: Participant): boolean {
  if (a === b) return true;
  if (a.occupantId && a.occupantId === b.occupantId) return true;
  return !!a.jid && !!b.jid && bareKeyOf(a.jid) === bareKeyOf(b.jid);
}

/** The "notes about this person" filter: is `note` shown when filtering on `person`? */
export function isNoteAbout(note: Pick<Note, 'about'>, person: Participant, present: readonly Participant[]): boolean {
  const subject = resolveAbout(note.about, present);
  if (!subject) return false;
  if (sameParticipant(subject, person)) return true;
  // Exactly equal current nicknames (case-sensitive), as the official client.
  return !!person.nick && person.nick === subject.nick;
}

/** The notes about `person`, in the order given. */
export function notesAbout<N extends Pick<Note, 'about'>>(notes: readonly N[], person: Participant, present: readonly Participant[]): N[] {
  return notes.filter((n) => isNoteAbout(n, person, present));
}

/** What a note shows of its participant. */
export interface AboutDisplay {
  /** current nickname, else the JID; '' when only an occupant-id is known */
  name: string;
  /** the nickname the note was written under, when it differs from the current one */
  originalNick?: string;
  /** the resolved participant's current JID and occupant-id (not the note's) */
  jid?: string;
  occupantId?: string;
  /** not in the room now */
  absent: boolean;
}

/** What is shown of a participant; `originalNick`: the nickname a note was written under. */
export function participantDisplay(p: Participant, originalNick?: string): AboutDisplay {
  const display: AboutDisplay = { name: p.nick || p.jid || '', absent: !!p.absent };
  if (originalNick && originalNick !== p.nick) display.originalNick = originalNick;
  if (p.jid) display.jid = p.jid;
  if (p.occupantId) display.occupantId = p.occupantId;
  return display;
}

/** What a note shows of its participant; undefined for a note about no one. */
export function aboutDisplay(note: Pick<Note, 'about'>, present: readonly Participant[]): AboutDisplay | undefined {
  const subject = resolveAbout(note.about, present);
  return subject && participantDisplay(subject, note.about?.nick);
}
