// Which tasks a search shows: those holding every word of the query in their
// name or description (text-match.ts), and of the status asked for.
import { matchesWords, queryWords } from './text-match';
import type { Task } from './types';

export type TaskStatusFilter = 'all' | 'open' | 'done';

export interface TaskFilter {
  query: string;
  status: TaskStatusFilter;
}

export const NO_FILTER: TaskFilter = { query: '', status: 'all' };

/** A filter ready to apply: its query folded into words once, not once per task. */
export interface CompiledFilter {
  words: string[];
  status: TaskStatusFilter;
}

export function compileFilter(filter: TaskFilter): CompiledFilter {
  return { words: queryWords(filter.query), status: filter.status };
}

export const isFiltering = (f: CompiledFilter) => f.words.length > 0 || f.status !== 'all';

function taskMatches(task: Pick<Task, 'name' | 'description' | 'done'>, f: CompiledFilter): boolean {
  if (f.status === 'open' ? task.done : f.status === 'done' ? !task.done : false) return false;
  return matchesWords([task.name, task.description], f.words);
}

/** The tasks the filter lets through, in their order; the same array when it lets all through (views keep their memoized parts). */
export function filterTasks<T extends Pick<Task, 'name' | 'description' | 'done'>>(tasks: readonly T[], f: CompiledFilter): readonly T[] {
  if (!isFiltering(f)) return tasks;
  const kept = tasks.filter((task) => taskMatches(task, f));
  return kept.length === tasks.length ? tasks : kept;
}
