// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { RecentTasks } from '../../../src/ui/RecentTasks';
import { acceptingEdits, makeView } from './fixtures';

afterEach(cleanup);

describe('recent tasks', () => {
  test('shows the last tasks added, newest first, with their list', () => {
    render(
      <RecentTasks
        view={makeView([
          { name: 'Prep', tasks: ['t1', 't2', 't3'] },
          { name: 'During', tasks: ['t4', { name: 't5', done: true }] },
        ])}
        onEdit={acceptingEdits()}
        limit={3}
      />,
    );
    const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => document.getElementById(b.getAttribute('aria-labelledby')!)!.textContent)).toEqual(['t5', 't4', 't3']);
    expect(boxes.map((b) => b.checked)).toEqual([true, false, false]);
    expect(screen.getAllByText('During')).toHaveLength(2);
  });

  test('ticking a box marks the task done (and back)', () => {
    const onEdit = acceptingEdits();
    render(<RecentTasks view={makeView([{ name: 'Prep', tasks: ['t1', { name: 't2', done: true }] }])} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 't1' }));
    expect(onEdit).toHaveBeenCalledWith({ op: 'setDone', id: 'L1-T1', done: true });
    fireEvent.click(screen.getByRole('checkbox', { name: 't2' }));
    expect(onEdit).toHaveBeenLastCalledWith({ op: 'setDone', id: 'L1-T2', done: false });
  });

  test('says when there is none', () => {
    render(<RecentTasks view={makeView([{ name: 'Prep' }])} onEdit={acceptingEdits()} />);
    expect(screen.getByText('No tasks yet.')).toBeTruthy();
  });
});
