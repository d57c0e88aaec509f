// Pushes of a fast-changing value, paced by what they cost. A room view
// changes on every pubsub notification, and each push builds the view, posts
// what changed to every view's process, which then renders it: a burst of
// notifications must not become a burst of renders. But an edit shows in
// two pushes a few milliseconds apart (at once, then confirmed by the
// server), and neither should wait.
//
// So a leaky bucket: each push fills it with COST_FACTOR times what it took;
// it drains as time passes. A push goes at once while the bucket holds at
// most BURST_MS; otherwise it waits until the bucket is down to that, at most
// `maxIntervalMs`. A cheap push is never held back, an edit's
// two pushes of a big one go at once, and a flood of big ones leaves the
// sender (and the receiver, whose work is of the same order) idle
// COST_FACTOR / (1 + COST_FACTOR) of the time. Values that come during a
// wait are dropped but the latest, which goes when it ends (the last state
// always arrives).

const COST_FACTOR = 4;
const BURST_MS = 50;

export interface Coalescer<T> {
  (value: T): void;
  /** drops a waiting value (the receiver went away) */
  cancel(): void;
}

export function coalesce<T>(deliver: (value: T) => void, maxIntervalMs: number): Coalescer<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: { value: T } | undefined;
  let level = 0;
  let levelAt = 0;

  const deliverAndWait = (value: T) => {
    // Date.now: a cost worth waiting for is several milliseconds
    const start = Date.now();
    deliver(value);
    const end = Date.now();
    const drained = Math.max(0, level - (start - levelAt));
    // bounded: after a long flood, the next quiet push waits at most one interval
    level = Math.min(BURST_MS + maxIntervalMs, drained + (end - start) * COST_FACTOR);
    levelAt = end;
    const wait = Math.min(maxIntervalMs, level - BURST_MS);
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
