import { describe, expect, test } from 'vitest';
import { dropNote, moveNoteTo, nextOrder, sortNotes, type OrderChange } from '../../../src/core/notes/order';
import type { Note } from '../../../src/core/notes/types';
import { officialDrop, officialNextOrder, officialSort } from './notes-official';

const notes = (spec: Record<string, number | null>): Note[] => Object.entries(spec).map(([id, order]) => ({ id, order, description: id }));
const ids = (list: Note[]) => list.map((n) => n.id).join(' ');
/** The list after the publishes, as shown. */
const apply = (list: Note[], changes: OrderChange[]) =>
  sortNotes(list.map((n) => ({ ...n, order: changes.findLast((c) => c.id === n.id)?.order ?? n.order })));
const asOfficial = (list: Note[]) => list.map((n) => ({ id: n.id, order: n.order ?? NaN }));
const pairs = (changes: OrderChange[]) => changes.map((c): [string, number] => [c.id, c.order]);

describe('notes order: display', () => {
  test('highest order first', () => {
    expect(ids(sortNotes(notes({ A: 1, B: 2, C: 3, D: 4 })))).toBe('D C B A');
  });

  test('equal orders keep the order they came in (no tie-break), as the official stable sort', () => {
    const list = notes({ A: 2, B: 5, C: 2, D: 5 });
    expect(ids(sortNotes(list))).toBe('B D A C');
    expect(ids(sortNotes(list))).toBe(
      officialSort(asOfficial(list))
        .map((n) => n.id)
        .join(' '),
    );
  });

  test('a note without a number sorts as 0', () => {
    expect(ids(sortNotes(notes({ A: 1, X: null, B: -1 })))).toBe('A X B');
  });
});

describe('notes order: a new note', () => {
  test.each([
    [{}, 1],
    [{ A: 1, B: 2, C: 3, D: 4 }, 5],
    [{ A: 3, B: 7, C: 2 }, 8],
    [{ A: -5 }, 1],
    [{ A: null, B: 2 }, 3],
    [{ A: null }, 1],
  ] as [Record<string, number | null>, number][])('with %j: %s, as the official client', (spec, expected) => {
    expect(nextOrder(notes(spec))).toBe(expected);
    expect(officialNextOrder(asOfficial(notes(spec)))).toBe(expected);
  });

  test('notes hidden by a filter count too: the caller passes all notes', () => {
    const all = notes({ mine: 2, hidden: 9 });
    expect(nextOrder(all)).toBe(10);
  });
});

describe('notes order: drag and drop (the docs/protocol.md §9.2 examples)', () => {
  const shown = sortNotes(notes({ A: 1, B: 2, C: 3, D: 4 }));

  test('A dropped on the lower half of C: new order 3, C→5, D→6, then A→3; shown D C A B', () => {
    const changes = dropNote(shown, 'A', 'C', false);
    expect(pairs(changes)).toEqual([
      ['C', 5],
      ['D', 6],
      ['A', 3],
    ]);
    expect(ids(apply(shown, changes))).toBe('D C A B');
  });

  test('A dropped on the upper half of C: new order 4, D→6, then A→4; shown D A C B', () => {
    const changes = dropNote(shown, 'A', 'C', true);
    expect(pairs(changes)).toEqual([
      ['D', 6],
      ['A', 4],
    ]);
    expect(ids(apply(shown, changes))).toBe('D A C B');
  });

  test('dropped on itself: nothing published', () => {
    expect(dropNote(shown, 'B', 'B', true)).toEqual([]);
  });

  test('an unknown note: nothing published', () => {
    expect(dropNote(shown, 'Z', 'B', true)).toEqual([]);
    expect(dropNote(shown, 'A', 'Z', true)).toEqual([]);
  });

  test('above a note of order -1 or 0: never below 0', () => {
    const list = sortNotes(notes({ A: -1, B: 5 }));
    expect(pairs(dropNote(list, 'B', 'A', true))).toEqual([['B', 0]]);
  });

  test('the renumbering stops at the first note already above the number it would get', () => {
    const list = sortNotes(notes({ A: 1, B: 2, C: 3, D: 10, E: 11 }));
    expect(pairs(dropNote(list, 'A', 'B', true))).toEqual([
      ['C', 5],
      ['A', 3],
    ]);
  });

  test('a note whose order is not a number is always renumbered', () => {
    const list = sortNotes(notes({ A: 1, X: null, B: 2, C: 3 }));
    const changes = dropNote(list, 'C', 'B', false);
    expect(pairs(changes)).toEqual(officialDrop(asOfficial(list), 'C', 'B', false));
    expect(changes.map((c) => c.id)).toContain('X');
  });

  test('dropped on a note without a number: counted as 0 (the official client does nothing there)', () => {
    const list = sortNotes(notes({ A: 1, X: null }));
    expect(officialDrop(asOfficial(list), 'A', 'X', true)).toEqual([]);
    expect(pairs(dropNote(list, 'A', 'X', true))).toEqual([
      ['X', 3],
      ['A', 1],
    ]);
  });

  test('the same publishes as the official client, for every drop of random lists', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 100; round++) {
      const spec: Record<string, number | null> = {};
      const size = 1 + random(7);
      for (let i = 0; i < size; i++) spec[`n${i}`] = random(10) === 0 ? null : random(9) - 1; // ties, gaps, -1, NaN
      const list = sortNotes(notes(spec));
      for (const moved of list) {
        for (const target of list) {
          for (const upper of [true, false]) {
            if (target.order === null) continue; // the deliberate difference above
            const ours = pairs(dropNote(list, moved.id, target.id, upper));
            expect(ours, `${JSON.stringify(spec)} ${moved.id} on ${target.id} ${upper}`).toEqual(
              officialDrop(asOfficial(list), moved.id, target.id, upper),
            );
          }
        }
      }
    }
  });
});

describe('notes order: moving to a position (keyboard)', () => {
  const shown = sortNotes(notes({ A: 1, B: 2, C: 3, D: 4, E: 8 }));

  test.each([
    ['B', 0, 'B E D C A'],
    ['B', 1, 'E B D C A'],
    ['B', 2, 'E D B C A'],
    ['B', 4, 'E D C A B'],
    ['E', 4, 'D C B A E'],
    ['A', 3, 'E D C A B'],
  ])('%s to position %s: %s', (id, to, expected) => {
    expect(ids(apply(shown, moveNoteTo(shown, id, to)))).toBe(expected);
  });

  test('to its own position, or an unknown note: nothing published', () => {
    expect(moveNoteTo(shown, 'C', 2)).toEqual([]);
    expect(moveNoteTo(shown, 'Z', 0)).toEqual([]);
  });

  test('positions beyond the ends are the ends', () => {
    expect(ids(apply(shown, moveNoteTo(shown, 'C', -5)))).toBe('C E D B A');
    expect(ids(apply(shown, moveNoteTo(shown, 'C', 99)))).toBe('E D B A C');
  });
});
