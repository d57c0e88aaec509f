// What a task search does once the user searches (useTaskSearch.ts loads it
// with the first search, or while idle after first paint: lazy.ts): which
// tasks it lets through (core/task-filter.ts) and the matches marked in
// their texts (core/text-match.ts), as text in <mark> elements built here.
// A list whose tasks did not change keeps its filtered array from the last
// render (its memoized section skips rendering), so a change in a big room
// while searching filters one list again, not all of them.
import type { VNode } from 'preact';
import { compileFilter, filterTasks, isFiltering, type TaskFilter } from '../core/task-filter';
import { matchRanges } from '../core/text-match';
import type { Task } from '../core/types';
import type { Highlight } from './Highlight';
import './part-styles';

export interface CompiledSearch {
  /** whether some tasks may be left out */
  active: boolean;
  /** the tasks of each list it lets through, in their order, and how many over all lists */
  shownByList: (tasksByList: Map<string, readonly Task[]>) => { shownByList: Map<string, readonly Task[]>; matches: number };
  /** null when it has no words to mark */
  highlight: Highlight | null;
}

export function compileSearch(filter: TaskFilter): CompiledSearch {
  const compiled = compileFilter(filter);
  const { words } = compiled;
  /** each list's tasks it let through, by the list's tasks array */
  const byTasks = new WeakMap<readonly Task[], readonly Task[]>();
  return {
    active: isFiltering(compiled),
    shownByList: (tasksByList) => {
      const shownByList = new Map<string, readonly Task[]>();
      let matches = 0;
      for (const [listId, tasks] of tasksByList) {
        let shown = byTasks.get(tasks);
        if (!shown) byTasks.set(tasks, (shown = filterTasks(tasks, compiled)));
        shownByList.set(listId, shown);
        matches += shown.length;
      }
      return { shownByList, matches };
    },
    highlight: words.length ? (text) => highlighted(text, words) : null,
  };
}

function highlighted(text: string, words: readonly string[]): string | (string | VNode)[] {
  const ranges = matchRanges(text, words);
  if (!ranges.length) return text;
  const parts: (string | VNode)[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark class="lct-match">{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
