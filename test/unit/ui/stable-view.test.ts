// keepUnchanged: the parts of a copied view equal to the previous view's
// keep the previous objects, and nothing of the new state is lost.
import { expect, test } from 'vitest';
import { withItem } from '../../../src/core/room';
import { keepUnchanged } from '../../../src/ui/stable-view';
import { makeView } from './fixtures';

const view = makeView([
  { name: 'Prep', tasks: [{ name: 'Sound' }, { name: 'Lights', description: 'warm' }] },
  { name: 'After', tasks: [{ name: 'Thank' }] },
]);

test('an equal copy gives back the previous items, pending, changed and skipped', () => {
  const next = keepUnchanged(view, structuredClone(view));
  expect(next.items).toBe(view.items);
  expect(next.pending).toBe(view.pending);
  expect(next.changed).toBe(view.changed);
  expect(next.skipped).toBe(view.skipped);
});

test('a copy with one changed task keeps every other task and the lists, and shows the change', () => {
  const id = Object.keys(view.items.tasks)[1]!;
  const task = view.items.tasks[id]!;
  const changed = { ...view, items: withItem(view.items, { kind: 'task', ...task, description: 'cold' }), changed: [id] };
  const next = keepUnchanged(view, structuredClone(changed));
  expect(next.items.lists).toBe(view.items.lists);
  expect(next.items.tasks).not.toBe(view.items.tasks);
  expect(next.items.tasks[id]).toEqual({ ...task, description: 'cold' });
  for (const other of Object.keys(view.items.tasks).filter((t) => t !== id)) expect(next.items.tasks[other]).toBe(view.items.tasks[other]);
  expect(next.changed).toEqual([id]);
  expect(next).toEqual(changed);
});

test('a removed task is gone, and an item named "__proto__" stays a plain key', () => {
  const [first, ...rest] = Object.keys(view.items.tasks);
  const removed = structuredClone({
    ...view,
    items: { ...view.items, tasks: Object.fromEntries(rest.map((id) => [id, view.items.tasks[id]!])) },
  });
  expect(Object.keys(keepUnchanged(view, removed).items.tasks)).toEqual(rest);
  expect(first).toBeDefined();

  const hostile = structuredClone(view);
  Object.defineProperty(hostile.items.tasks, '__proto__', {
    value: { ...view.items.tasks[first!]!, id: '__proto__' },
    enumerable: true,
    configurable: true,
    writable: true,
  });
  const withProto = keepUnchanged(hostile, structuredClone(hostile));
  expect(Object.getPrototypeOf(withProto.items.tasks)).toBe(Object.prototype);
  expect(Object.keys(withProto.items.tasks)).toContain('__proto__');
});
