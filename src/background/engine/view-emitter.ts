// When a room pushes its view to its watchers. Every push builds the view
// and copies it whole to each watching page, so a room receiving thousands of
// notifications must not push thousands of times; but one edit must show at
// once, whatever the room's size. So the changes made in one task (one
// network read, one edit) go as one push, right after that task, and pushes
// are paced by what they cost (coalesce.ts): building the view and posting
// it to every watcher, each open page's port included. This is the one
// throttle between a change and its views; the router passes views on as
// they come.
import { coalesce, type Coalescer } from '../coalesce';

/** The longest a change waits for its push during a flood. */
const MAX_WAIT_MS = 250;

export class ViewEmitter {
  private batch: ReturnType<typeof setTimeout> | null = null;
  private readonly paced: Coalescer<void>;

  constructor(push: () => void) {
    this.paced = coalesce(push, MAX_WAIT_MS);
  }

  /** Something changed: push once the current task is over (or once the last pushes are paid for). */
  changed(): void {
    if (this.batch) return;
    this.batch = setTimeout(() => {
      this.batch = null;
      this.paced();
    }, 0);
  }

  cancel(): void {
    if (this.batch) clearTimeout(this.batch);
    this.batch = null;
    this.paced.cancel();
  }
}
