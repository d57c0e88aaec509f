// A run of consecutive tasks of one list, rendered while near the scrolled
// view and an empty box of their height otherwise (windowing.ts).
import { useLayoutEffect } from 'preact/hooks';
import type { Task } from '../core/types';
import { memo } from './memo';
import { TaskRow } from './TaskRow';
import { useNearScroller } from './windowing';

/** Tasks per chunk: small enough that one renders within a frame, big enough that a 5,000-task room has few. */
export const CHUNK_SIZE = 25;

type ChunkProps = {
  tasks: readonly Task[];
  /** the position of the chunk's first task in its list (0-based) */
  first: number;
  /** how many tasks the list shows */
  setSize: number;
  pending: ReadonlySet<string>;
  changed: ReadonlySet<string>;
  /** whether the room is big enough that only the rows near the view render (windowing.ts) */
  windowed: boolean;
};

/** Rows out of reach stay while the user is in them: focus, an open form, or a drag. */
function inUse(el: HTMLElement): boolean {
  const active = (el.getRootNode() as Document | ShadowRoot).activeElement;
  return (!!active && el.contains(active)) || !!el.querySelector('form, .lct-dragging');
}

const sameChunk = (a: ChunkProps, b: ChunkProps) =>
  a.first === b.first &&
  a.setSize === b.setSize &&
  a.pending === b.pending &&
  a.changed === b.changed &&
  a.windowed === b.windowed &&
  a.tasks.length === b.tasks.length &&
  a.tasks.every((task, i) => task === b.tasks[i]);

export const TaskChunk = memo(function TaskChunk(props: ChunkProps) {
  const { tasks } = props;
  const { ref, near, boxHeight } = useNearScroller(tasks.length, inUse, props.windowed);
  // Only rows near the view are in the page, so each tells screen readers its place in the list. Set here, not
  // as row props: a move shifts the places of the rows after it, and they need not render again for that.
  useLayoutEffect(() => {
    const rows = ref.current!.children;
    for (let i = 0; i < rows.length; i++) {
      rows[i]!.setAttribute('aria-posinset', String(props.first + i + 1));
      rows[i]!.setAttribute('aria-setsize', String(props.setSize));
    }
  });
  return (
    <div ref={ref} class="lct-chunk" style={near ? undefined : { height: boxHeight }}>
      {near &&
        tasks.map((task) => (
          <TaskRow key={task.id} task={task} pending={props.pending.has(task.id)} changed={props.changed.has(task.id)} />
        ))}
    </div>
  );
}, sameChunk);
