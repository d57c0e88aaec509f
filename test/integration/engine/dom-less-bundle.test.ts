// The background's engine, bundled for the browser (strophe's browser build,
// as Vite picks it for the Chrome worker), run where there is what a
// Chrome service worker has (WebSocket, fetch, timers, crypto, URL) and none
// of DOMParser, XMLSerializer, document, window or XMLHttpRequest: a worker
// thread (fixtures/bundle-worker.mjs), since Node has none of those either.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'vite';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { startTestBackend, passwordOf, type TestBackend } from '../../helpers/backend';
import { addUser, listNamed, makeEngine, summarize, waitForView } from './harness';
import type { RoomView } from '../../../src/core/types';

vi.mock('strophe.js', () => import('./strophe-browser'));

let backend: TestBackend;
let bundle: string;

beforeAll(async () => {
  backend = await startTestBackend();
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: fileURLToPath(new URL('./fixtures/worker-entry.ts', import.meta.url)), formats: ['iife'], name: 'LCT' },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
  bundle = chunks.map((c) => ('code' in c ? c.code : '')).join('\n');
}, 120_000);

afterAll(async () => {
  await backend?.stop();
});

/** Talks to the bundle running in a worker thread (fixtures/bundle-worker.mjs). */
function startBundleWorker(code: string) {
  const worker = new Worker(fileURLToPath(new URL('./fixtures/bundle-worker.mjs', import.meta.url)), { workerData: { bundle: code } });
  let next = 0;
  const waiting = new Map<number, (m: { ok: boolean; value?: unknown; error?: string }) => void>();
  worker.on('message', (m) => waiting.get(m.id)?.(m));
  const call = <T>(step: string, arg?: unknown): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, (m) => (m.ok ? resolve(m.value as T) : reject(new Error(m.error))));
      worker.postMessage({ id, step, arg });
    });
  return { call, stop: () => worker.terminate() };
}

test('the bundled engine runs strophe where there is no DOM: log in, join, publish, see others', async () => {
  expect(bundle).not.toContain('node:net');
  const worker = startBundleWorker(bundle);
  try {
    const globals = await worker.call<{ missing: string[]; installed: Record<string, string> }>('globals');
    expect(globals.missing).toEqual(['DOMParser', 'XMLSerializer', 'document', 'window', 'XMLHttpRequest']);
    // the shim filled in what strophe needs, and pretended nothing else
    expect(globals.installed).toEqual({ DOMParser: 'function', document: 'object', window: 'undefined', XMLHttpRequest: 'function' });

    const account = `xmpp:alice@${backend.domain}`;
    expect(
      await worker.call('addAccount', { jid: `alice@${backend.domain}`, password: passwordOf('alice'), service: backend.wsUrl }),
    ).toEqual({
      ok: true,
      value: { id: account },
    });
    const room = { account, jid: backend.newRoomJid() };
    expect(await worker.call('openRoom', { ref: room, title: 'Bundled' })).toEqual({ ok: true, value: { room } });
    const created = await worker.call<{ ok: boolean }>('edit', { ref: room, edit: { op: 'createList', name: 'From the worker bundle' } });
    expect(created.ok).toBe(true);

    // alice (owner) makes bob an admin, as a chat moderator would; bob runs an ordinary engine
    const raw = await backend.connect('alice');
    await raw.joinRoom(room.jid, 'alice');
    await raw.setAffiliation(room.jid, `bob@${backend.domain}`, 'admin');
    raw.close();
    const bob = makeEngine();
    const bobRoom = { account: await addUser(bob, backend, 'bob'), jid: room.jid };
    expect(await bob.engine.openRoom(bobRoom)).toEqual({ ok: true, value: { room: bobRoom } });
    const seenByBob = await waitForView(bob.engine, bobRoom, (v) => v.loaded && 'From the worker bundle' in summarize(v));
    const list = listNamed(seenByBob, 'From the worker bundle')!;
    expect((await bob.engine.edit(bobRoom, { op: 'createTask', list: list.id, name: 'Check sound' })).ok).toBe(true);

    const seenInBundle = await worker.call<RoomView>('waitForTask', { ref: room, name: 'Check sound' });
    expect(summarize(seenInBundle)['From the worker bundle']).toEqual(['Check sound']);
    await bob.engine.close();
    await worker.call('close');
  } finally {
    await worker.stop();
  }
});
