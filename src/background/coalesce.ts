// Pushes of a fast-changing value, at most one per interval. A room view
// changes on every pubsub notification, and each push copies the whole view
// (thousands of items) to the view's process, which then renders it: a burst
// of notifications must not become a burst of copies. The first change after
// a quiet moment goes at once (one edit shows without delay); changes within
// the interval after a push wait, and only the latest of them goes when the
// interval ends (the last state always arrives).

export interface Coalescer<T> {
  (value: T): void;
  /** drops a waiting value (the receiver went away) */
  cancel(): void;
}

export function coalesce<T>(deliver: (value: T) => void, intervalMs: number): Coalescer<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: { value: T } | undefined;

  const openWindow = () => {
    timer = setTimeout(() => {
      timer = undefined;
      if (!waiting) return;
      const { value } = waiting;
      waiting = undefined;
      deliver(value);
      openWindow();
    }, intervalMs);
  };

  const push = (value: T) => {
    if (timer !== undefined) {
      waiting = { value };
      return;
    }
    deliver(value);
    openWindow();
  };
  push.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    waiting = undefined;
  };
  return push;
}
