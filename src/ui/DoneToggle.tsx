// The done box of a task, shared by the task app and the recent tasks.
// Its accessible name is the task's name (labelledby), so a screen reader
// says "Check sound, checkbox, checked". A plain function, not a component:
// one component fewer per row in a room of thousands of tasks.
import type { Task } from '../core/types';

export function doneToggle(task: Task, labelledBy: string, onToggle: (done: boolean) => void) {
  return (
    <input
      type="checkbox"
      class="lct-done"
      data-focus="done"
      checked={task.done}
      aria-labelledby={labelledBy}
      onChange={(e) => onToggle(e.currentTarget.checked)}
    />
  );
}
