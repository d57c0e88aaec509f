// The whole view as a port carries it: what the page reads back must be the
// view the background had, whatever its items hold (orphan tasks, empty and
// absent descriptions, what we keep of other clients' data, ids that look
// like numbers or like "__proto__"), in well under half of plain JSON.
import { describe, expect, it } from 'vitest';
import { emptyItems, withChanges } from '../../../src/core/room';
import type { Item, RoomView, Task } from '../../../src/core/types';
import { viewFromText, viewToText } from '../../../src/core/view-text';
import { noNotes } from '../../../src/core/notes/view';

const ref = { account: 'xmpp:alice@example.org', jid: 'room@muc.example.org' };

function viewOf(put: Item[]): RoomView {
  return {
    ref,
    title: 'Live',
    status: 'live',
    rights: 'moderator',
    items: withChanges(emptyItems(), put, []),
    pending: [{ id: 'e1', itemId: 'T1', kind: 'setDone' }],
    notes: noNotes(),
    participants: {},
    changed: ['T2'],
    skipped: { count: 1, sample: 'not a task' },
    loaded: true,
    updatedAt: 42,
  };
}

/** The view as plain data, tasks in id order (a record's key order is not part of a view). */
const plain = (v: RoomView) => {
  const { items, ...rest } = JSON.parse(JSON.stringify(v)) as RoomView;
  const tasks = Object.values(items.tasks).sort((a, b) => (a.id < b.id ? -1 : 1));
  return { ...rest, lists: items.lists, tasks };
};

const unknown = { attrs: { color: 'red' }, children: ['<x xmlns="urn:other">y</x>'] };

describe('view text', () => {
  it('gives back the same view, whatever its items hold', () => {
    const put: Item[] = [
      { kind: 'tasklist', id: 'L1', name: 'Prep' },
      { kind: 'tasklist', id: '12', name: 'Numbered' },
      { kind: 'tasklist', id: '3', name: 'Also numbered', unknown },
      { kind: 'tasklist', id: '__proto__', name: 'Hostile' },
      { kind: 'task', id: 'T1', list: 'L1', name: 'Plain', order: 0, done: false },
      { kind: 'task', id: 'T2', list: '12', name: 'Done', order: 3, done: true, description: '' },
      { kind: 'task', id: 'T3', list: '3', name: 'Described', order: 1, done: false, description: 'a "quoted"\nline' },
      { kind: 'task', id: 'T4', list: 'gone', name: 'Orphan', order: 2, done: false, unknown },
      { kind: 'task', id: 'T5', list: 'L1', name: 'Kept data, no description', order: 1, done: true, unknown },
      { kind: 'task', id: '__proto__', list: '__proto__', name: 'Hostile too', order: 0, done: false },
    ];
    const view = viewOf(put);
    const back = viewFromText(viewToText(view));
    expect(plain(back)).toEqual(plain(view));
    expect(Object.hasOwn(back.items.tasks, '__proto__')).toBe(true);
    expect(back.items.tasks.T1).not.toHaveProperty('description');
    expect(back.items.tasks.T2!.description).toBe('');
    expect(back.items.tasks.T1).not.toHaveProperty('unknown');
    expect(back.items.tasks.T4).toEqual({ id: 'T4', list: 'gone', name: 'Orphan', order: 2, done: false, unknown });
  });

  it('gives back random rooms whole', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
    for (let round = 0; round < 50; round++) {
      const lists = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) => pick([`L${i}`, String(i * 7), `list ${i}`]));
      const put: Item[] = [...new Set(lists)].map((id) => ({ kind: 'tasklist', id, name: `List ${id}` }));
      for (let t = 0; t < 30; t++) {
        const task: Task = {
          id: `T${round}-${t}`,
          list: pick([...lists, 'missing']),
          name: pick(['a', '', 'ü "x"']),
          order: Math.floor(random() * 9),
          done: random() < 0.5,
        };
        if (random() < 0.3) task.description = pick(['', 'd', '<b>not html</b>']);
        if (random() < 0.2) task.unknown = unknown;
        put.push({ kind: 'task', ...task });
      }
      const view = viewOf(put);
      expect(plain(viewFromText(viewToText(view)))).toEqual(plain(view));
    }
  });

  it('takes well under half the text of plain JSON for a big room', () => {
    const put: Item[] = [];
    for (let l = 0; l < 50; l++) {
      const list = crypto.randomUUID();
      put.push({ kind: 'tasklist', id: list, name: `List ${l}` });
      for (let t = 0; t < 99; t++)
        put.push({ kind: 'task', id: crypto.randomUUID(), list, name: `Task ${t} of list ${l}`, order: t, done: t % 3 === 0 });
    }
    const view = viewOf(put);
    expect(viewToText(view).length).toBeLessThan(JSON.stringify(view).length * 0.45);
  });
});
