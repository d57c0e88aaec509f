import { afterEach, describe, expect, test, vi } from 'vitest';
import { compileFilter, filterTasks, NO_FILTER } from '../../../src/core/task-filter';
import { foldText, matchesWords, matchRanges, queryWords } from '../../../src/core/text-match';

const mark = (text: string, query: string) =>
  matchRanges(text, queryWords(query))
    .map(([s, e]) => text.slice(s, e))
    .join('|');

describe('the one text matcher', () => {
  test('every word, in any order, in any of the texts, ignoring case and accents', () => {
    expect(matchesWords(['Hélène posted the LINK'], queryWords('link  HELENE'))).toBe(true);
    expect(matchesWords(['Ban the spammer', 'Hélène asked'], queryWords('helene ban'))).toBe(true);
    expect(matchesWords(['Ban the spammer'], queryWords('ban thrice'))).toBe(false);
    expect(matchesWords([undefined], queryWords('x'))).toBe(false);
    expect(queryWords('   ')).toEqual([]);
    expect(matchesWords([''], [])).toBe(true);
  });

  test('a query that looks like a regular expression or markup is plain text', () => {
    expect(matchesWords(['a (b) [c] .* <b>'], queryWords('(b) [c] .* <b>'))).toBe(true);
    expect(matchesWords(['abc'], queryWords('.*'))).toBe(false);
  });

  test('decomposed and composed accents match each other; final sigma matches sigma', () => {
    expect(matchesWords(['He\u0301le\u0300ne'], queryWords('hélène'))).toBe(true);
    expect(matchesWords(['ΟΔΟΣ'], queryWords('οδος'))).toBe(true);
    expect(foldText('Ça VA')).toBe('ca va');
  });

  test('ranges are in the original text, merged, and hold the accents written apart', () => {
    expect(mark('Hélène posted the link to helene', 'helene')).toBe('Hélène|helene');
    expect(mark('He\u0301le\u0300ne!', 'helene')).toBe('He\u0301le\u0300ne');
    expect(matchRanges('banana', ['an', 'nan'])).toEqual([[1, 5]]);
    expect(mark('emoji 😀 then x', 'then')).toBe('then');
    expect(mark('<img src=x onerror=alert(1)>', 'img')).toBe('img');
    expect(matchRanges('nothing', ['zzz'])).toEqual([]);
    expect(matchRanges('anything', [])).toEqual([]);
  });
});

describe('filtering tasks', () => {
  const tasks = [
    { name: 'Ban the spammer', done: false },
    { name: 'Pin the schedule', description: 'Hélène asked', done: true },
    { name: 'Thank Helene', done: false },
  ];
  const names = (f: Parameters<typeof compileFilter>[0]) => filterTasks(tasks, compileFilter(f)).map((x) => x.name);

  test('by name and description, and by status', () => {
    expect(names({ query: 'helene', status: 'all' })).toEqual(['Pin the schedule', 'Thank Helene']);
    expect(names({ query: 'helene', status: 'open' })).toEqual(['Thank Helene']);
    expect(names({ query: '', status: 'done' })).toEqual(['Pin the schedule']);
    expect(names({ query: 'the', status: 'open' })).toEqual(['Ban the spammer']);
  });

  test('no filter, or a filter everything passes, gives back the same array', () => {
    expect(filterTasks(tasks, compileFilter(NO_FILTER))).toBe(tasks);
    expect(filterTasks(tasks, compileFilter({ query: 'a', status: 'all' }))).toBe(tasks);
  });
});

describe('searching 5,000 tasks costs one fold per text, not one per keystroke', () => {
  afterEach(() => vi.restoreAllMocks());

  test('typing a query letter by letter folds each task text once', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      name: `Task number ${i} of the big room`,
      description: i % 4 ? undefined : `about ${i}`,
      done: i % 3 === 0,
    }));
    const normalize = vi.spyOn(String.prototype, 'normalize');
    const query = 'number 49';
    for (let n = 1; n <= query.length; n++) filterTasks(many, compileFilter({ query: query.slice(0, n), status: 'all' }));
    const texts = many.length + many.filter((x) => x.description).length;
    // each distinct text once, plus the query itself once per keystroke
    expect(normalize.mock.calls.length).toBeLessThanOrEqual(texts + query.length);
    expect(filterTasks(many, compileFilter({ query, status: 'all' })).map((x) => x.name)).toContain('Task number 49 of the big room');
  });
});
