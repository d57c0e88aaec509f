// The done box of a task, shared by the task app and the recent tasks.
// Its accessible name is the task's name (labelledby), so a screen reader
// says "Check sound, checkbox, checked".
import type { Task } from '../core/types';

export function DoneToggle(props: { task: Task; labelledBy: string; onToggle: (done: boolean) => void }) {
  return (
    <input
      type="checkbox"
      class="lct-done"
      data-focus="done"
      checked={props.task.done}
      aria-labelledby={props.labelledBy}
      onChange={(e) => props.onToggle(e.currentTarget.checked)}
    />
  );
}
