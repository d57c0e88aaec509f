// The search in progress in a task app, and the tasks of each list it lets
// through. A list whose tasks did not change keeps its filtered array from
// the last render (its memoized section skips rendering), so a change in a
// big room while searching filters one list again, not all of them.
import { useMemo, useRef, useState } from 'preact/hooks';
import { compileFilter, filterTasks, isFiltering, NO_FILTER, type CompiledFilter, type TaskFilter } from '../core/task-filter';
import type { Task } from '../core/types';

export interface TaskSearch {
  filter: TaskFilter;
  setFilter: (f: TaskFilter) => void;
  compiled: CompiledFilter;
  /** whether some tasks may be left out (lists without a match are then not shown) */
  active: boolean;
  /** the tasks of each list the search lets through */
  shownByList: Map<string, Task[]>;
  /** how many tasks the search lets through, over all lists */
  matches: number;
}

export function useTaskSearch(tasksByList: Map<string, Task[]>): TaskSearch {
  const [filter, setFilter] = useState<TaskFilter>(NO_FILTER);
  const compiled = useMemo(() => compileFilter(filter), [filter]);
  const cache = useRef<{ compiled: CompiledFilter; byTasks: WeakMap<Task[], Task[]> } | null>(null);
  return useMemo(() => {
    if (cache.current?.compiled !== compiled) cache.current = { compiled, byTasks: new WeakMap() };
    const { byTasks } = cache.current;
    const shownByList = new Map<string, Task[]>();
    let matches = 0;
    for (const [listId, tasks] of tasksByList) {
      let shown = byTasks.get(tasks);
      if (!shown) byTasks.set(tasks, (shown = filterTasks(tasks, compiled)));
      shownByList.set(listId, shown);
      matches += shown.length;
    }
    return { filter, setFilter, compiled, active: isFiltering(compiled), shownByList, matches };
  }, [tasksByList, compiled]);
}
