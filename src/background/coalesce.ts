// Pushes of a fast-changing value, throttled by what they cost. A room view
// changes on every pubsub notification, and each push copies the whole view
// (thousands of items) to the view's process, which then renders it: a burst
// of notifications must not become a burst of copies. The first change after
// a quiet moment goes at once (one edit shows without delay). After a push,
// the next one waits COST_FACTOR times as long as that push took, at most
// `maxIntervalMs`: a small view (a cheap copy) is never held back, so an edit
// and its confirmation a few milliseconds later both show at once; a big one
// goes at most once per `maxIntervalMs` during a burst. Changes within the
// wait are dropped but the latest, which goes when it ends (the last state
// always arrives).

/** Pushing takes at most 1 / (1 + COST_FACTOR) of the sender's time during a burst; the receiver's work is of the same order. */
const COST_FACTOR = 4;

export interface Coalescer<T> {
  (value: T): void;
  /** drops a waiting value (the receiver went away) */
  cancel(): void;
}

export function coalesce<T>(deliver: (value: T) => void, maxIntervalMs: number): Coalescer<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: { value: T } | undefined;

  const deliverAndWait = (value: T) => {
    // Date.now: a cost worth waiting for is several milliseconds
    const start = Date.now();
    deliver(value);
    const wait = Math.min(maxIntervalMs, (Date.now() - start) * COST_FACTOR);
    if (wait <= 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (!waiting) return;
      const next = waiting.value;
      waiting = undefined;
      deliverAndWait(next);
    }, wait);
  };

  const push = (value: T) => {
    if (timer !== undefined) {
      waiting = { value };
      return;
    }
    deliverAndWait(value);
  };
  push.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    waiting = undefined;
  };
  return push;
}
