import { describe, expect, test } from 'vitest';
import { parseMessageRef } from '../../../src/core/message-ref';
import { describeWithRef, messageToken } from '../../../src/core/message-token';

describe('a task’s reference to its chat message', () => {
  test('written as a readable last line, read back', () => {
    const description = describeWithRef('  Can you pin the schedule?\n', '— from the chat: alice, 14:32', { id: 'a1b2-c3' });
    expect(description).toBe('Can you pin the schedule?\n\n— from the chat: alice, 14:32 [msg:a1b2-c3]');
    expect(parseMessageRef(description)).toEqual({ id: 'a1b2-c3' });
  });

  test('a message without id is found by its time', () => {
    const time = '2026-12-03T14:32:05.120Z';
    expect(messageToken({ time })).toBe(`[msg:@${time}]`);
    expect(parseMessageRef(describeWithRef('hi', '—', { time }))).toEqual({ time });
    expect(parseMessageRef('[msg:@not-a-time]')).toBeUndefined();
  });

  test('ids holding brackets, spaces, line breaks or % survive the round trip', () => {
    for (const id of ['a]b', 'x y', 'line\nbreak', '100%', '[msg:x]', 'ünï']) {
      const description = describeWithRef('text', '—', { id });
      expect(description.split('\n').at(-1)).not.toMatch(/\n/);
      expect(parseMessageRef(description)).toEqual({ id });
    }
  });

  test('tolerant of what people do to the description', () => {
    const ref = { id: 'abc' };
    // text edited above, the line reworded, lines added after it
    expect(parseMessageRef('Pin it NOW\n\n(seen in chat) [msg:abc]\nDone by bob')).toEqual(ref);
    // spaces and case inside the token
    expect(parseMessageRef('from chat [ MSG : abc ]')).toEqual(ref);
    // the last token counts (a message quoted in another task's reference)
    expect(parseMessageRef('[msg:old] then [msg:abc]')).toEqual(ref);
    // blank lines and whitespace trimmed by the official client's form
    expect(parseMessageRef('  \n[msg:abc]  ')).toEqual(ref);
  });

  test('no reference where there is none, or only a broken one', () => {
    for (const text of [undefined, '', 'plain description', '[msg:]', '[msg abc]', 'msg:abc', '[msg:%E0%A4%A]']) {
      expect(parseMessageRef(text)).toBeUndefined();
    }
  });
});
