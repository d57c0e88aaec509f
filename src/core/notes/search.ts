// Text search over notes: a note matches when every word of the query is
// found in its text or in its participant's names (current nickname, the one
// it was written under, JID), ignoring case and accents.
import { resolveAbout } from './about';
import type { Note, Participant } from './types';

/** Lower case without accents (é → e), so that "Helene" finds "Hélène". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export function noteMatches(note: Pick<Note, 'description' | 'about'>, query: string, present: readonly Participant[]): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const subject = resolveAbout(note.about, present);
  const haystack = fold([note.description, note.about?.nick, subject?.nick, subject?.jid].filter(Boolean).join('\n'));
  return words.every((w) => haystack.includes(w));
}
