// A list of thousands of tasks renders only the rows near what the scroller
// shows: rows come in chunks, and a chunk away from view is an empty box of
// the height its rows had (or are expected to have). Creating 46k DOM nodes
// for a 5,000-item room is what made it slow to open and to scroll.
//
// One IntersectionObserver per scroller says when a chunk comes near or goes
// away; a chunk that just mounted asks the layout once, before the frame is
// painted, so that the first frame already shows the rows in view.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** How far above and below the scroller's visible part rows stay rendered, in scroller heights. */
const NEAR_SCREENS = 1;

/**
 * A room with fewer tasks renders every row: that costs less than a
 * frame, "find in page" and a screen reader's browse mode find every task,
 * and what is in the page does not depend on the layout of the moment.
 * Windowing is for the rooms where it pays.
 */
const WINDOWED_FROM = 200;

/** Whether a room of `tasks` tasks renders only the rows near the view. */
export const isWindowed = (tasks: number) => tasks >= WINDOWED_FROM;

/** The scroller of each list of rows: found once per list, the chunks of a list share it. */
const scrollers = new WeakMap<Element, Element | null>();

/**
 * The element whose scrolling moves `el`: the nearest ancestor (across shadow
 * roots) that scrolls and has more content than it shows. Which one it is
 * depends on the view (the page panel's frame, the side panel's lists box);
 * none while everything fits, and then nothing needs windowing.
 */
function scrollerOf(el: Element): Element | null {
  const parent = el.parentElement;
  if (parent && scrollers.has(parent)) return scrollers.get(parent)!;
  let found: Element | null = null;
  for (let e: Element | null = parent; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host as Element | undefined) ?? null) {
    const overflow = getComputedStyle(e).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && e.scrollHeight > e.clientHeight + 1) {
      found = e;
      break;
    }
  }
  // remembered only once found: a list that fits now may not later
  if (parent && found) scrollers.set(parent, found);
  return found;
}

type Watcher = (near: boolean, height: number) => void;
const observers = new WeakMap<Element, { io: IntersectionObserver; watchers: Map<Element, Watcher> }>();

function watch(el: Element, root: Element, onChange: Watcher): () => void {
  let entry = observers.get(root);
  if (!entry) {
    const watchers = new Map<Element, Watcher>();
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) watchers.get(e.target)?.(e.isIntersecting, e.boundingClientRect.height);
      },
      { root, rootMargin: `${NEAR_SCREENS * 100}% 0px` },
    );
    entry = { io, watchers };
    observers.set(root, entry);
  }
  const { io, watchers } = entry;
  watchers.set(el, onChange);
  io.observe(el);
  return () => {
    watchers.delete(el);
    io.unobserve(el);
  };
}

/** Whether `el` is near the scroller's visible part, from the layout as it is now. */
function nearNow(el: Element, root: Element): boolean {
  const view = root.getBoundingClientRect();
  // no layout to tell from (not displayed, or a DOM without layout): show the rows rather than hide them
  if (view.height === 0) return true;
  const box = el.getBoundingClientRect();
  const margin = view.height * NEAR_SCREENS;
  return box.bottom >= view.top - margin && box.top <= view.bottom + margin;
}

/** Makes a chunk render its rows now, by its element (chunks of the same list are siblings). */
const bringNear = new WeakMap<Element, () => void>();

/**
 * A row's height, as measured in the chunks rendered so far, is a custom
 * property of the scroller: every empty box of a chunk never rendered is
 * `rows × var(ROW_HEIGHT)`, so one measurement corrects all of them at once
 * (a style change, no re-render), and the content above the view does not
 * jump when they render. Before any measurement: a one-line task.
 */
const ROW_HEIGHT = '--lct-row-height';
const FIRST_GUESS = '2.6em';

/** The height `rows` rows are expected to take, as CSS, for boxes standing for rows not rendered. */
export function estimatedRowsHeight(rows: number): string {
  return `${rows} * var(${ROW_HEIGHT}, ${FIRST_GUESS})`;
}

/**
 * Whether a chunk of `rows` rows should be rendered, and the height of its
 * empty box when not: what its rows measured when last rendered, or a guess
 * from other rows. `keep` says when rows that went out of reach must stay:
 * focus or an open form is in them, or one is being dragged. Not `windowed`
 * (a small room), the rows are always rendered.
 */
export function useNearScroller(rows: number, keep: (el: HTMLElement) => boolean, windowed: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(!windowed);
  const rendered = useRef({ rows: 0, height: 0 });
  const scroller = useRef<HTMLElement | null>(null);
  if (near) rendered.current.rows = rows;
  // rows just rendered: their height is the best guess for the boxes of the chunks not rendered yet
  useLayoutEffect(() => {
    const root = scroller.current;
    if (!near || !rows || !root) return;
    const perRow = ref.current!.offsetHeight / rows;
    const known = Number.parseFloat(root.style.getPropertyValue(ROW_HEIGHT));
    if (perRow > 0 && !(Math.abs(perRow - known) < 1)) root.style.setProperty(ROW_HEIGHT, `${perRow.toFixed(1)}px`);
  }, [near]);
  useLayoutEffect(() => {
    const el = ref.current!;
    const root = windowed && typeof IntersectionObserver === 'function' ? scrollerOf(el) : null;
    if (!root) {
      setNear(true);
      return;
    }
    scroller.current = root as HTMLElement;
    if (nearNow(el, root)) setNear(true);
    bringNear.set(el, () => setNear(true));
    // Focus in a chunk's first or last row renders the chunk on that side: Tab and Shift+Tab go on to the next
    // row, not past rows not rendered. Not for other rows: a click in a row would render 25 more in its frame.
    const renderSides = (event: FocusEvent) => {
      const target = event.target as Node;
      if (el.firstElementChild?.contains(target) && el.previousElementSibling) bringNear.get(el.previousElementSibling)?.();
      if (el.lastElementChild?.contains(target) && el.nextElementSibling) bringNear.get(el.nextElementSibling)?.();
    };
    el.addEventListener('focusin', renderSides);
    const unwatch = watch(el, root, (isNear, height) => {
      if (isNear) return setNear(true);
      if (keep(el)) return;
      if (height > 0 && rendered.current.rows > 0) rendered.current.height = height;
      setNear(false);
    });
    return () => {
      el.removeEventListener('focusin', renderSides);
      unwatch();
    };
  }, [windowed]);
  const last = rendered.current;
  const boxHeight = last.height > 0 && last.rows === rows ? `${last.height}px` : `calc(${estimatedRowsHeight(rows)})`;
  return { ref, near, boxHeight };
}
