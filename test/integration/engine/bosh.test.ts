// BOSH, for instances whose admin disabled WebSocket: strophe's BOSH over our
// XMLHttpRequest-over-fetch (Node has no XMLHttpRequest, like Chrome's worker).
import { expect, test, vi } from 'vitest';
import { backendForFile } from '../../helpers/backend-for-file.ts';
import { FetchXMLHttpRequest } from '../../../src/background/xmpp/fetch-xhr';
import { addUser, listNamed, makeEngine, moderatedRoom, openLive, taskNamed, waitForView } from './harness';

vi.mock('strophe.js', () => import('./strophe-browser'));

const backend = backendForFile();

test('a manual account over BOSH publishes and receives live edits', async () => {
  // Node has no XMLHttpRequest: strophe's BOSH runs on ours, as in Chrome's worker
  expect((globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest).toBe(FetchXMLHttpRequest);
  const room = await moderatedRoom(backend, 'carol', ['dave']);
  const dave = makeEngine();
  try {
    const ref = { account: await addUser(dave, backend, 'dave', backend.boshUrl), jid: room.jid };
    await openLive(dave, ref);
    const list = await dave.engine.edit(ref, { op: 'createList', name: 'Over BOSH' });
    expect(list.ok).toBe(true);
    await room.owner.publish(
      room.jid,
      'livechat-tasks',
      `<task xmlns="urn:peertube-plugin-livechat:task" list="${list.ok ? list.value.itemId : ''}" order="1"><name>From the chat</name></task>`,
      'from-chat',
    );
    const view = await waitForView(dave.engine, ref, (v) => !!taskNamed(v, 'From the chat'));
    expect(listNamed(view, 'Over BOSH')).toBeDefined();
  } finally {
    await dave.close();
    room.owner.close();
  }
});
