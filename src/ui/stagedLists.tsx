// A room whose lists arrive all at once (the page panel's first view of a
// 5,000-item room: 50 lists where there were none) renders its first lists
// in the first frame and the others right after that frame is painted:
// creating and laying out every list's header before the first paint
// delayed it by 100-300 ms, for lists the panel, open at its top, cannot show
// yet. Meanwhile one empty box of the others' estimated height stands for
// them, so that the scrollbar tells the truth. What is rendered is whole: the
// lists shown have every task (their rows render near the view, TaskChunk).
import { useEffect, useRef, useState } from 'preact/hooks';
import { estimatedRowsHeight } from './windowing';

/** Lists rendered in the frame that more lists than this arrive in at once. */
const FIRST_LISTS = 3;
/** A list's header, for the box of the lists not rendered yet. */
const HEADER_GUESS = '3em';

/** How many of the `count` lists to render now: all, except in the frame a jump of many arrives in. */
export function useStagedLists(count: number): number {
  const ready = useRef(0);
  const [, rerender] = useState(0);
  const now = Math.min(count, ready.current + FIRST_LISTS);
  if (now === count) ready.current = count;
  // effects run once the frame is painted
  useEffect(() => {
    if (now === count) return;
    ready.current = count;
    rerender((n) => n + 1);
  }, [now, count]);
  return now;
}

/** The lists not rendered yet, as one empty box of their height. */
export function ListsLater({ lists, rows }: { lists: number; rows: number }) {
  if (lists === 0) return null;
  return (
    <div class="lct-lists-later" aria-hidden="true" style={{ height: `calc(${estimatedRowsHeight(rows)} + ${lists} * ${HEADER_GUESS})` }} />
  );
}
