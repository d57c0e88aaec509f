// What a task search does once the user searches (useTaskSearch.ts loads it
// with the first search, or while idle after first paint: lazy.ts): which
// tasks it lets through (core/task-filter.ts) and the matches marked in
// their texts (core/text-match.ts), as text in <mark> elements built here.
import type { VNode } from 'preact';
import { compileFilter, filterTasks, isFiltering, type TaskFilter } from '../core/task-filter';
import { matchRanges } from '../core/text-match';
import type { Task } from '../core/types';
import type { Highlight } from './Highlight';
import './part-styles';

export interface CompiledSearch {
  /** whether some tasks may be left out */
  active: boolean;
  /** the tasks it lets through, in their order; the same array when it lets all through */
  shown: (tasks: readonly Task[]) => readonly Task[];
  /** null when it has no words to mark */
  highlight: Highlight | null;
}

export function compileSearch(filter: TaskFilter): CompiledSearch {
  const compiled = compileFilter(filter);
  const { words } = compiled;
  return {
    active: isFiltering(compiled),
    shown: (tasks) => filterTasks(tasks, compiled),
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
