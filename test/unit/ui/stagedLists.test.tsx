// @vitest-environment happy-dom
// Lists that arrive all at once (the panel's first view of a big room) render
// the first ones in the first frame and the others once it is painted, with a
// box standing for them meanwhile; a list more or less renders at once.
import { render } from 'preact';
import { waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { TaskApp } from '../../../src/ui/TaskApp';
import { acceptingEdits, makeView, type ListSpec } from './fixtures';

const lists = (n: number): ListSpec[] =>
  Array.from({ length: n }, (_, l) => ({ name: `List ${String(l).padStart(2, '0')}`, tasks: [{ name: `Task ${l}` }] }));

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

// preact's render, not testing-library's: its act() would run the effects before we look at the first frame
const show = (n: number) => render(<TaskApp view={makeView(lists(n))} onEdit={acceptingEdits()} />, container);
const headings = () => [...container.querySelectorAll('h3')].map((h) => h.textContent);
const later = () => container.querySelector<HTMLElement>('.lct-lists-later');

test('50 lists where there were none: three in the first frame, a box for the others, all of them after it', async () => {
  show(0);
  await waitFor(() => expect(container.querySelector('.lct-lists')).not.toBeNull());
  show(50);
  expect(headings()).toEqual(['List 00', 'List 01', 'List 02']);
  expect(later()!.getAttribute('aria-hidden')).toBe('true');
  expect(later()!.style.height).toContain('47 * 3em');
  await waitFor(() => expect(headings()).toHaveLength(50));
  expect(later()).toBeNull();
});

test('a list more, or fewer, renders at once', async () => {
  show(50);
  await waitFor(() => expect(headings()).toHaveLength(50));
  show(52);
  expect(headings()).toHaveLength(52);
  show(10);
  expect(headings()).toHaveLength(10);
  expect(later()).toBeNull();
});
