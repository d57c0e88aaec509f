// Views by delta: what the background computes between two views of a room
// and what a page rebuilds from it must be the later view, whatever changed
// (items, marks of pending edits and of others' changes, rights, status),
// several deltas applied in turn included; and one toggle in a room at the
// node's maximum must cost a few hundred bytes, not the room.
import { describe, expect, it } from 'vitest';
import { applyOptimistic } from '../../../src/core/plan';
import { emptyItems, record, withChanges } from '../../../src/core/room';
import type { Item, RoomItems, RoomView } from '../../../src/core/types';
import { applyViewDelta, diffViews } from '../../../src/core/view-delta';
import type { BackgroundToPort } from '../../../src/messages';
import { noNotes } from '../../../src/core/notes/view';
import type { Note } from '../../../src/core/notes/types';

const ref = { account: 'xmpp:alice@example.org', jid: 'room@muc.example.org' };

function bigRoom(lists: number, tasksPerList: number): RoomItems {
  const put: Item[] = [];
  for (let l = 0; l < lists; l++) {
    put.push({ kind: 'tasklist', id: `list-${l}`, name: `List ${l}` });
    for (let t = 0; t < tasksPerList; t++) {
      put.push({ kind: 'task', id: `task-${l}-${t}`, list: `list-${l}`, name: `Task number ${t} of list ${l}`, order: t, done: false });
    }
  }
  return withChanges(emptyItems(), put, []);
}

function view(items: RoomItems, extra: Partial<RoomView> = {}): RoomView {
  return {
    ref,
    title: 'Live',
    status: 'live',
    rights: 'moderator',
    items,
    pending: [],
    notes: noNotes(),
    participants: {},
    changed: [],
    skipped: { count: 0 },
    loaded: true,
    updatedAt: 1,
    ...extra,
  };
}

/** What crossing a port does to a message: a structured copy (prototypes dropped, own keys kept). */
const overPort = <T>(value: T): T => structuredClone(value);

describe('view deltas', () => {
  it('rebuild the later view from the earlier one: items put, changed and removed, fields set and unset', () => {
    const before = view(bigRoom(2, 3), { url: 'https://video.example/w/1', problem: { code: 'network' } });
    const items = withChanges(
      before.items,
      [
        { kind: 'task', id: 'task-0-0', list: 'list-0', name: 'Renamed', order: 0, done: true },
        { kind: 'tasklist', id: 'list-2', name: 'New list' },
      ],
      ['task-1-2', 'list-1'],
    );
    const after = view(items, {
      title: 'Live, renamed',
      status: 'joining',
      rights: 'none',
      pending: [{ id: 'e1', itemId: 'task-0-0', kind: 'setDone' }],
      changed: ['list-2'],
      skipped: { count: 1, sample: 'no name' },
      updatedAt: 2,
    });
    const delta = diffViews(before, after)!;
    expect(delta.tasks).toEqual({ put: [after.items.tasks['task-0-0']], removed: ['task-1-2'] });
    expect(delta.lists).toEqual({ put: [after.items.lists['list-2']], removed: ['list-1'] });
    expect(delta.unset?.sort()).toEqual(['problem', 'url']);
    expect(applyViewDelta(overPort(before), overPort(delta))).toEqual(after);
  });

  it('are nothing when nothing changed, even between copies', () => {
    const one = view(bigRoom(2, 2));
    expect(diffViews(one, overPort(one))).toBeUndefined();
  });

  it('applied in turn, as several arriving during one wait are, give the last view', () => {
    const views = [view(bigRoom(3, 4))];
    const edits = [
      { op: 'setDone', id: 'task-0-1', done: true },
      { op: 'moveTask', id: 'task-0-1', list: 'list-2', index: 0 },
      { op: 'deleteList', id: 'list-1' },
      { op: 'setDone', id: 'task-0-1', done: false },
    ] as const;
    edits.forEach((edit, i) => {
      const last = views[views.length - 1]!;
      views.push(
        view(applyOptimistic(last.items, edit, ''), { updatedAt: i + 2, pending: [{ id: `e${i}`, itemId: edit.id, kind: edit.op }] }),
      );
    });
    let shown = overPort(views[0]!);
    for (let i = 1; i < views.length; i++) shown = applyViewDelta(shown, overPort(diffViews(views[i - 1]!, views[i]!)!));
    expect(shown).toEqual(views[views.length - 1]);
    // a burst diffed at once (the background's pacing) is one delta to the same view
    expect(applyViewDelta(overPort(views[0]!), overPort(diffViews(views[0]!, views[views.length - 1]!)!))).toEqual(views[views.length - 1]);
  });

  it('keep every untouched item, list and record the same object, so that rows not changed do not render again', () => {
    const before = view(bigRoom(2, 3));
    const after = view(applyOptimistic(before.items, { op: 'setDone', id: 'task-1-1', done: true }, ''), { updatedAt: 2 });
    const shown = applyViewDelta(before, diffViews(before, after)!);
    expect(shown.items.lists).toBe(before.items.lists);
    expect(shown.items.tasks['task-0-0']).toBe(before.items.tasks['task-0-0']);
    expect(shown.items.tasks['task-1-1']).toEqual({ ...before.items.tasks['task-1-1'], done: true });
  });

  it('treat an item id such as "__proto__" as a key like any other', () => {
    const before = view(bigRoom(1, 1));
    const hostile = { id: '__proto__', list: 'list-0', name: 'hostile', order: 5, done: false };
    const after = view(withChanges(before.items, [{ kind: 'task', ...hostile }], []));
    const shown = applyViewDelta(overPort(before), overPort(diffViews(before, after)!));
    expect(Object.keys(shown.items.tasks).sort()).toEqual(['__proto__', 'task-0-0']);
    expect(Object.getOwnPropertyDescriptor(shown.items.tasks, '__proto__')?.value).toEqual(hostile);
    const removed = applyViewDelta(shown, diffViews(after, before)!);
    expect(Object.keys(removed.items.tasks)).toEqual(['task-0-0']);
  });

  it('carry the notes and the participants: notes put and removed, their fields set, participants come, changed and gone', () => {
    const notes = (items: Record<string, Note>, loaded = true) => ({ ...noNotes(), available: true, loaded, items: record(items) });
    const before = view(bigRoom(1, 1), {
      notes: notes({ A: { id: 'A', order: 1, description: 'a' }, B: { id: 'B', order: 2 } }, false),
      participants: record({ dave: { nick: 'dave', occupantId: 'o1' }, erin: { nick: 'erin' } }),
    });
    const after = view(before.items, {
      notes: {
        ...notes({ A: before.notes.items.A!, 'local:1': { id: 'local:1', order: 3, description: 'c', about: { nick: 'dave' } } }),
        pending: [{ id: 'e1', itemId: 'local:1', kind: 'createNote' }],
      },
      participants: record({ dave: { nick: 'dave', occupantId: 'o1', jid: 'dave@example.org' }, frank: { nick: 'frank' } }),
    });
    const delta = diffViews(before, after)!;
    expect(delta.notes).toEqual({ put: [after.notes.items['local:1']], removed: ['B'] });
    expect(delta.notesSet).toEqual({ loaded: true, pending: after.notes.pending });
    expect(delta.participants).toEqual({ put: { dave: after.participants.dave, frank: { nick: 'frank' } }, removed: ['erin'] });
    expect(delta.tasks).toBeUndefined();
    const shown = applyViewDelta(overPort(before), overPort(delta));
    expect(shown).toEqual(after);
    // what did not change keeps its identity
    const same = applyViewDelta(before, delta);
    expect(same.notes.items.A).toBe(before.notes.items.A);
    expect(same.items).toBe(before.items);
    expect(diffViews(after, overPort(after))).toBeUndefined();
  });

  it('carry one toggle in a 5,000-item room in a few hundred bytes, where the whole view is about a megabyte', () => {
    const before = view(bigRoom(50, 99));
    const after = view(applyOptimistic(before.items, { op: 'setDone', id: 'task-20-50', done: true }, ''), {
      pending: [{ id: 'edit-1', itemId: 'task-20-50', kind: 'setDone' }],
      updatedAt: 2,
    });
    const bytes = (message: BackgroundToPort) => new TextEncoder().encode(JSON.stringify(message)).length;
    const whole = bytes({ type: 'bg/room', seq: 1, view: JSON.stringify(after) });
    const delta = bytes({ type: 'bg/delta', seq: 2, delta: diffViews(before, after)! });
    expect(whole).toBeGreaterThan(400_000);
    expect(delta).toBeLessThan(1_000);
  });
});
