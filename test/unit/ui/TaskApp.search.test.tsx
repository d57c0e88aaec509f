// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { makeView, useLocale } from './fixtures';
import { renderApp } from './render';

afterEach(() => {
  cleanup();
  useLocale('en');
});

const room = () =>
  makeView([
    { name: 'Prep', tasks: ['Check sound', { name: 'Thank Hélène', done: true }, 'Pin <b>rules</b>'] },
    { name: 'During', tasks: [{ name: 'Ban spammer', description: 'helene reported him' }, 'Read questions'] },
    { name: 'After', tasks: ['Upload replay'] },
  ]);
/** task names as shown (lists in the room's order) */
const names = () => Array.from(document.querySelectorAll('.lct-task-name')).map((el) => el.textContent);
const search = () => screen.getByRole('searchbox', { name: 'Search tasks' }) as HTMLInputElement;
const type = (value: string) => fireEvent.input(search(), { target: { value } });

describe('searching tasks', () => {
  test('filters across lists by name and description, ignoring case and accents, and only lists with matches show', async () => {
    renderApp(room());
    type('HELENE');
    expect(names().sort()).toEqual(['Ban spammer', 'Thank Hélène']);
    expect(screen.queryByRole('heading', { name: 'After' })).toBeNull();
    expect(screen.getByText('2 tasks match').getAttribute('role')).toBe('status');
    type('');
    expect(names()).toHaveLength(6);
    expect(screen.getByRole('heading', { name: 'After' })).toBeTruthy();
  });

  test('highlights the matches as text, in names and descriptions, never as markup', () => {
    renderApp(room());
    type('helene <b>');
    expect(names()).toEqual([]);
    expect(screen.getByText('No task matches this search.')).toBeTruthy();
    type('<b> pin');
    const marks = Array.from(document.querySelectorAll('mark.lct-match')).map((m) => m.textContent);
    expect(marks).toEqual(['Pin', '<b>']);
    expect(document.querySelector('.lct-task-name b')).toBeNull();
    expect(names()).toEqual(['Pin <b>rules</b>']);
    type('helene');
    expect(
      Array.from(document.querySelectorAll('mark'))
        .map((m) => m.textContent)
        .sort(),
    ).toEqual(['Hélène', 'helene']);
  });

  test('open / done / all, and the counts follow the filter', () => {
    renderApp(room());
    const prep = () => screen.getByRole('heading', { name: 'Prep' }).closest('section')!;
    expect(within(prep()).getByText('2 open')).toBeTruthy();
    const status = screen.getByRole('combobox', { name: 'Show tasks' });
    fireEvent.change(status, { target: { value: 'done' } });
    expect(names()).toEqual(['Thank Hélène']);
    expect(within(prep()).getByText('0 open')).toBeTruthy();
    fireEvent.change(status, { target: { value: 'open' } });
    type('check');
    expect(names()).toEqual(['Check sound']);
    expect(within(prep()).getByText('1 open')).toBeTruthy();
    expect(screen.getByText('1 task matches')).toBeTruthy();
  });

  test('"/" focuses the field unless one is typing; Escape clears it', () => {
    renderApp(room());
    const collapse = screen.getByRole('button', { name: 'Prep' });
    collapse.focus();
    fireEvent.keyDown(collapse, { key: '/' });
    expect(document.activeElement).toBe(search());
    type('ban');
    fireEvent.keyDown(search(), { key: 'Escape' });
    expect(search().value).toBe('');
    fireEvent.click(screen.getAllByRole('button', { name: 'Add a task' })[0]!);
    const name = screen.getByRole('combobox', { name: 'Name' });
    name.focus();
    fireEvent.keyDown(name, { key: '/' });
    expect(document.activeElement).toBe(name);
  });

  test('a change pushed while searching shows in the results', () => {
    const view = room();
    const { push } = renderApp(view);
    type('replay');
    expect(names()).toEqual(['Upload replay']);
    const task = Object.values(view.items.tasks).find((x) => x.name === 'Read questions')!;
    push({
      ...view,
      items: { ...view.items, tasks: { ...view.items.tasks, [task.id]: { ...task, name: 'Read questions about the replay' } } },
    });
    expect(names().sort()).toEqual(['Read questions about the replay', 'Upload replay']);
  });

  test('in French', () => {
    useLocale('fr');
    renderApp(room());
    fireEvent.input(screen.getByRole('searchbox', { name: 'Rechercher des tâches' }), { target: { value: 'e' } });
    expect(screen.getByText('6 tâches correspondent')).toBeTruthy();
  });
});
