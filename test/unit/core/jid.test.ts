import { describe, expect, test } from 'vitest';
import { bareKeyOf } from '../../../src/core/jid';
import { roomKey } from '../../../src/core/types';

describe('room JIDs compared as XMPP does', () => {
  test('one room whatever the case of its local and domain parts', () => {
    const account = 'peertube:https://video.example.org';
    expect(roomKey({ account, jid: 'Stream-42@Room.Example.org' })).toBe(roomKey({ account, jid: 'stream-42@room.example.org' }));
    expect(roomKey({ account, jid: 'stream-42@room.example.org' })).not.toBe(roomKey({ account, jid: 'stream-43@room.example.org' }));
  });

  test("a stanza's sender is routed by its bare JID, resource dropped", () => {
    expect(bareKeyOf('Stream-42@Room.Example.org/Alice')).toBe('stream-42@room.example.org');
    expect(bareKeyOf('stream-42@room.example.org')).toBe('stream-42@room.example.org');
  });
});
