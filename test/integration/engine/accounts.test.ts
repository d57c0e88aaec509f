// Manual XMPP accounts: a wrong password or address is refused with a clear
// error and changes nothing; secrets never reach local storage.
import { expect, test, vi } from 'vitest';
import { passwordOf } from '../../helpers/backend';
import { backendForFile } from '../../helpers/backend-for-file.ts';
import { makeEngine, moderatedRoom, openLive } from './harness';

vi.mock('strophe.js', () => import('./strophe-browser'));

const backend = backendForFile();

test('a wrong password is refused and nothing is kept', async () => {
  const t = makeEngine();
  try {
    const reply = await t.engine.addManualAccount({ jid: `alice@${backend.domain}`, password: 'wrong', service: backend.wsUrl });
    expect(reply).toMatchObject({ ok: false, error: { code: 'auth' } });
    expect(t.engine.accounts()).toEqual([]);
    expect(t.session.data.size).toBe(0);
  } finally {
    await t.close();
  }
});

test('malformed input is refused before anything is tried', async () => {
  const t = makeEngine();
  try {
    expect(await t.engine.addManualAccount({ jid: 'not a jid', password: 'x', service: backend.wsUrl })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await t.engine.addManualAccount({ jid: `alice@${backend.domain}`, password: 'x', service: 'ftp://example.org' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await t.engine.addManualAccount({ jid: `alice@${backend.domain}`, password: '', service: backend.wsUrl })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  } finally {
    await t.close();
  }
});

test('re-adding an account with a wrong password keeps the working one and its open rooms', async () => {
  const room = await moderatedRoom(backend, 'carol', ['alice']);
  const t = makeEngine();
  try {
    const added = await t.engine.addManualAccount({
      jid: `alice@${backend.domain}`,
      password: passwordOf('alice'),
      service: backend.wsUrl,
    });
    expect(added.ok).toBe(true);
    const ref = { account: added.ok ? added.value.id : '', jid: room.jid };
    await openLive(t, ref);
    const stop = t.engine.watch(ref, () => {});
    expect(await t.engine.addManualAccount({ jid: `alice@${backend.domain}`, password: 'typo', service: backend.wsUrl })).toMatchObject({
      ok: false,
      error: { code: 'auth' },
    });
    expect(t.engine.accounts()).toMatchObject([{ id: ref.account }]);
    // still usable: the old password came back and the room follows again
    expect((await t.engine.edit(ref, { op: 'createList', name: 'Still here' })).ok).toBe(true);
    expect(JSON.stringify([...t.local.data.values()])).not.toContain(passwordOf('alice'));
    stop();
  } finally {
    await t.close();
    room.owner.close();
  }
});
