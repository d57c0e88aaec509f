// The search in progress in a task app, and the tasks of each list it lets
// through. What the search does is loaded with the first search, if the
// panel did not load it while idle already (searchCode.tsx): it filters
// from the frame it arrived in.
import { useMemo, useState } from 'preact/hooks';
import type { TaskFilter } from '../core/task-filter';
import type { Task } from '../core/types';
import type { Highlight } from './Highlight';
import { part, usePart } from './lazy';

const searchCode = part(() => import('./searchCode'));

/** Every task, of any status. */
const NO_SEARCH: TaskFilter = { query: '', status: 'all' };

export interface TaskSearch {
  filter: TaskFilter;
  setFilter: (f: TaskFilter) => void;
  /** marks the search's words in a text (null when there are none) */
  highlight: Highlight | null;
  /** whether some tasks may be left out (lists without a match are then not shown) */
  active: boolean;
  /** the tasks of each list the search lets through */
  shownByList: Map<string, readonly Task[]>;
  /** how many tasks the search lets through, over all lists */
  matches: number;
}

export function useTaskSearch(tasksByList: Map<string, readonly Task[]>): TaskSearch {
  const [filter, setFilter] = useState<TaskFilter>(NO_SEARCH);
  const code = usePart(searchCode, filter !== NO_SEARCH);
  const compiled = useMemo(() => code?.compileSearch(filter), [code, filter]);
  return useMemo(() => {
    const highlight = compiled?.highlight ?? null;
    if (compiled?.active) return { filter, setFilter, highlight, active: true, ...compiled.shownByList(tasksByList) };
    let matches = 0;
    for (const tasks of tasksByList.values()) matches += tasks.length;
    return { filter, setFilter, highlight, active: false, shownByList: tasksByList, matches };
  }, [tasksByList, compiled, filter]);
}
