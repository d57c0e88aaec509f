// The one text matcher of the extension (task search, notes search): a text
// matches a query when it holds every word of the query, ignoring case and
// accents ("helene" finds "Hélène"). Matches can be given back as ranges of
// the original text, so that views highlight them as text, never as markup.

/** Code points that fold to nothing on their own: combining marks (the accents of decomposed text). */
const MARKS = /\p{M}/gu;

/** Lower case without accents (é → e); final sigma as any sigma, so that a word's fold does not depend on what follows it. */
function foldRaw(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/ς/g, 'σ');
}

/**
 * Folded texts by their original. Searching a big room folds each text once,
 * not once per keystroke; the views send fresh copies of the same texts on
 * every change, so the cache is keyed by the text, and emptied when it grows
 * past what a room (5,000 items, name and description) can hold.
 */
const folded = new Map<string, string>();
const FOLDED_MAX = 20_000;

export function foldText(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    if (folded.size >= FOLDED_MAX) folded.clear();
    f = foldRaw(s);
    folded.set(s, f);
  }
  return f;
}

/** The folded words of a query; none for a blank query (which matches everything). */
export function queryWords(query: string): string[] {
  return foldRaw(query).split(/\s+/).filter(Boolean);
}

/** Whether every word is found in one of the texts (each word may be in a different one). */
export function matchesWords(texts: readonly (string | undefined)[], words: readonly string[]): boolean {
  return words.every((w) => texts.some((text) => text !== undefined && foldText(text).includes(w)));
}

/** A range of the original text, [start, end) in UTF-16 units. */
export type MatchRange = readonly [start: number, end: number];

/**
 * Where the words occur in `text`, as sorted, merged ranges of the original
 * text. Each code point is folded alone to know which original characters a
 * folded one came from; an accent written apart (decomposed) belongs to the
 * letter before it.
 */
export function matchRanges(text: string, words: readonly string[]): MatchRange[] {
  if (!words.length || !text) return [];
  let f = '';
  const origin: number[] = []; // original index of each folded UTF-16 unit
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const part = foldRaw(text.slice(i, i + width));
    for (let k = 0; k < part.length; k++) origin.push(i);
    f += part;
    i += width;
  }
  const startOf = (folded: number) => (folded < origin.length ? origin[folded]! : text.length);
  const found: [number, number][] = [];
  for (const w of words) {
    for (let at = f.indexOf(w); at >= 0; at = f.indexOf(w, at + 1)) found.push([startOf(at), startOf(at + w.length)]);
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of found) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}
