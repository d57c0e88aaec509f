// When a room pushes its view to its watchers. Every push builds the view
// and posts what changed to each watching page, so a room receiving
// thousands of notifications must not push thousands of times; but one edit
// must show at once, whatever the room's size. So the changes made by one
// run of code (one network read, one edit) go as one push, in a microtask
// right after it (a timer would put the push behind whatever else the worker
// has queued: another moderator's change then waits for it), and pushes are
// paced by what they cost (coalesce.ts): building the view and posting it to
// every watcher, each open page's port included. This is the one throttle
// between a change and its views; the router passes views on as they come.
import { coalesce, type Coalescer } from '../coalesce';

/** The longest a change waits for its push during a flood. */
const MAX_WAIT_MS = 250;

export class ViewEmitter {
  /** a push is queued for the end of the current run */
  private batched = false;
  private readonly paced: Coalescer<void>;

  constructor(push: () => void) {
    this.paced = coalesce(push, MAX_WAIT_MS);
  }

  /** Something changed: push once the current run of code is over (or once the last pushes are paid for). */
  changed(): void {
    if (this.batched) return;
    this.batched = true;
    queueMicrotask(() => {
      if (!this.batched) return; // cancelled meanwhile
      this.batched = false;
      this.paced();
    });
  }

  cancel(): void {
    this.batched = false;
    this.paced.cancel();
  }
}
