// Search matches shown in untrusted text: rows hand their texts to the
// search in progress (searchCode.tsx, loaded with the first search), which
// wraps the matched parts in <mark> elements it builds, so the text itself
// is never read as markup.
import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** A text with the search's matches marked. */
export type Highlight = (text: string) => ComponentChildren;

/** How the search in progress marks its matches (null when not searching for words). */
export const HighlightContext = createContext<Highlight | null>(null);

export const useHighlight = () => useContext(HighlightContext);
