// Text search over notes: a note matches when every word of the query is
// found in its text or in its participant's names (current nickname, the one
// it was written under, JID), with the extension's one matcher (text-match.ts).
import { matchesWords, queryWords } from '../text-match';
import { resolveAbout } from './about';
import type { Note, Participant } from './types';

export function noteMatches(note: Pick<Note, 'description' | 'about'>, query: string, present: readonly Participant[]): boolean {
  const words = queryWords(query);
  if (!words.length) return true;
  const subject = resolveAbout(note.about, present);
  return matchesWords([note.description, note.about?.nick, subject?.nick, subject?.jid], words);
}
