// The search field of a task app: filters tasks by name and description as
// one types, and by status (open, done, all). "/" focuses it from anywhere in
// the app (in the page panel, only while focus is in the panel: the page's
// own "/" shortcut stays the page's), unless one is typing in a text field.
import { useEffect, useRef } from 'preact/hooks';
import type { TaskFilter, TaskStatusFilter } from '../core/task-filter';
import { t, tn } from './i18n';
import { isTextField } from './text-field';

const STATUSES: readonly TaskStatusFilter[] = ['all', 'open', 'done'];
const STATUS_LABEL: Record<TaskStatusFilter, string> = { all: 'filterAll', open: 'filterOpen', done: 'filterDone' };

export function SearchBar(props: { filter: TaskFilter; onChange: (f: TaskFilter) => void; active: boolean; matches: number }) {
  const { filter, onChange } = props;
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const scope = input.current?.getRootNode() as Document | ShadowRoot | undefined;
    if (!scope) return;
    const onKey = (e: Event) => {
      const k = e as KeyboardEvent;
      if (k.key !== '/' || k.ctrlKey || k.metaKey || k.altKey || isTextField(k.composedPath()[0] ?? null)) return;
      k.preventDefault();
      input.current?.focus();
    };
    scope.addEventListener('keydown', onKey);
    return () => scope.removeEventListener('keydown', onKey);
  }, []);

  return (
    // biome-ignore lint/a11y/useSemanticElements: preact's JSX types have no <search> element yet; the role says the same
    <div class="lct-search" role="search">
      <input
        ref={input}
        type="search"
        class="lct-input lct-search-input"
        dir="auto"
        value={filter.query}
        aria-label={t('searchTasks')}
        aria-keyshortcuts="/"
        placeholder={t('searchTasksHint')}
        onInput={(e) => onChange({ ...filter, query: e.currentTarget.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && filter.query) {
            e.preventDefault();
            e.stopPropagation(); // not also closing whatever holds the app
            onChange({ ...filter, query: '' });
          }
        }}
      />
      <select
        class="lct-input lct-search-status"
        aria-label={t('filterStatus')}
        value={filter.status}
        onChange={(e) => onChange({ ...filter, status: e.currentTarget.value as TaskStatusFilter })}
      >
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(STATUS_LABEL[s])}
          </option>
        ))}
      </select>
      <p class="lct-hint lct-search-count" role="status">
        {props.active ? tn('tasksMatch', props.matches) : ''}
      </p>
    </div>
  );
}
