// Search matches shown in untrusted text: the text is cut at the match
// ranges (core/text-match.ts) and the matched parts wrapped in <mark>
// elements built here, so the text itself is never read as markup.
import { createContext, type VNode } from 'preact';
import { useContext } from 'preact/hooks';
import { matchRanges } from '../core/text-match';

const NO_WORDS: readonly string[] = [];

/** The folded words of the search in progress (none when not searching). */
export const MatchWordsContext = createContext<readonly string[]>(NO_WORDS);

export const useMatchWords = () => useContext(MatchWordsContext);

export function highlighted(text: string, words: readonly string[] | undefined): string | (string | VNode)[] {
  const ranges = words?.length ? matchRanges(text, words) : [];
  if (!ranges.length) return text;
  const parts: (string | VNode)[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark class="lct-match">{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
