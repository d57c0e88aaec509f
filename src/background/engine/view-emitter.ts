// When a room pushes its view to its watchers. Every push builds the view
// and copies it whole to each watching page, so a room receiving thousands of
// notifications must not push thousands of times; but one edit must show at
// once, whatever the room's size. So: the changes made in one task (one
// network read, one edit) go as one push, right after that task; the next
// push waits until the worker has spent COST_FACTOR times as long elsewhere
// as the last push took (a small room is never held back, a big one during a
// flood at most MAX_WAIT_MS).

/** At most 1 / (1 + COST_FACTOR) of the worker's time goes to pushing views during a flood. */
const COST_FACTOR = 4;
const MAX_WAIT_MS = 250;

export class ViewEmitter {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastEnd = Number.NEGATIVE_INFINITY;
  private lastCost = 0;

  constructor(
    private readonly push: () => void,
    private readonly now: () => number,
  ) {}

  /** Something changed: push once the current task is over, or once the last push is paid for. */
  changed(): void {
    if (this.timer) return;
    const wait = Math.min(MAX_WAIT_MS, Math.max(0, this.lastEnd + this.lastCost * COST_FACTOR - this.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      const start = this.now();
      this.push();
      this.lastEnd = this.now();
      this.lastCost = this.lastEnd - start;
    }, wait);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
