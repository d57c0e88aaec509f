// Shared set-up for the engine's integration tests: the SAME engine code the
// worker runs, in Node, against a real Prosody (test/helpers/backend.ts).
// Node 20 has no WebSocket global: the `ws` package stands in for the
// browser's. Storage is an in-memory KV with the chrome.storage semantics the
// engine relies on (values cloned in and out).
import WebSocket from 'ws';
import { Engine } from '../../../src/background/engine/engine';
import type { KV } from '../../../src/background/engine/store';
import type { RoomRef, RoomView } from '../../../src/core/types';
import { passwordOf, type TestBackend } from '../../helpers/backend';
import type { RawXmppClient } from '../../helpers/raw-client';

/**
 * `ws` as the browser's WebSocket. A browser never throws from a socket's
 * error (closing one still connecting just fires an event); `ws` throws an
 * unhandled 'error' when nobody listens, so one listener is always there.
 */
class BrowserLikeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}
(globalThis as { WebSocket?: unknown }).WebSocket ??= BrowserLikeWebSocket;

export class MemoryKV implements KV {
  readonly data = new Map<string, unknown>();
  async get<T>(key: string): Promise<T | undefined> {
    const v = this.data.get(key);
    return v === undefined ? undefined : (structuredClone(v) as T);
  }
  async set(key: string, value: unknown): Promise<void> {
    this.data.set(key, structuredClone(value));
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const key of [keys].flat()) this.data.delete(key);
  }
  async getMany(keys: string[]): Promise<Record<string, unknown>> {
    const found: Record<string, unknown> = {};
    for (const key of keys) if (this.data.has(key)) found[key] = structuredClone(this.data.get(key));
    return found;
  }
  async setMany(values: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(values)) this.data.set(key, structuredClone(value));
  }
}

export interface TestEngine {
  engine: Engine;
  local: MemoryKV;
  session: MemoryKV;
  logs: unknown[][];
  /** stops the engine and its tick timer */
  close(): Promise<void>;
}

/** The worker ticks every ~20 s from an alarm; tests tick faster so that healing happens within a test's time. */
const TEST_TICK_MS = 1_000;

export function makeEngine(stores?: { local: MemoryKV; session: MemoryKV }, now?: () => number): TestEngine {
  const local = stores?.local ?? new MemoryKV();
  const session = stores?.session ?? new MemoryKV();
  const logs: unknown[][] = [];
  const engine = new Engine({ local, session, fetch: globalThis.fetch, log: (...a) => logs.push(a), ...(now ? { now } : {}) });
  const ticker = setInterval(() => engine.tick(), TEST_TICK_MS);
  return {
    engine,
    local,
    session,
    logs,
    close: async () => {
      clearInterval(ticker);
      await engine.close();
    },
  };
}

export { NetworkLink } from '../../helpers/network-link';

/** A manual account of a test user on the backend, WebSocket unless told otherwise. */
export async function addUser(t: TestEngine, backend: TestBackend, user: string, service = backend.wsUrl): Promise<string> {
  const reply = await t.engine.addManualAccount({ jid: `${user}@${backend.domain}`, password: passwordOf(user), service });
  if (!reply.ok) throw new Error(`account ${user}: ${JSON.stringify(reply.error)}`);
  return reply.value.id;
}

/** Resolves with the first view (current or coming) that satisfies `ok`; keeps the watch while waiting. */
export function waitForView(engine: Engine, ref: RoomRef, ok: (v: RoomView) => boolean, timeoutMs = 15_000): Promise<RoomView> {
  return new Promise((resolve, reject) => {
    let last: RoomView | undefined;
    let stop: (() => void) | undefined;
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      stop?.();
      reject(new Error(`view never matched; last: ${JSON.stringify(last && { ...last, items: summarize(last) })}`));
    }, timeoutMs);
    stop = engine.watch(ref, (view) => {
      last = view;
      if (done || !ok(view)) return;
      done = true;
      clearTimeout(timer);
      queueMicrotask(() => stop?.());
      resolve(view);
    });
    if (done) stop();
  });
}

/** Task names per list name, sorted as shown: what a user reads on screen. */
export function summarize(view: RoomView): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const list of Object.values(view.items.lists)) {
    out[list.name] = Object.values(view.items.tasks)
      .filter((t) => t.list === list.id)
      .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
      .map((t) => `${t.name}${t.done ? ' ✓' : ''}`);
  }
  return out;
}

export const listNamed = (view: RoomView, name: string) => Object.values(view.items.lists).find((l) => l.name === name);
export const taskNamed = (view: RoomView, name: string) => Object.values(view.items.tasks).find((t) => t.name === name);

/**
 * A room created by `owner` with a raw client (as the streamer's chat would),
 * with `admins` made admins: they are moderators of its tasks. The owner's
 * raw client stays in the room for the test to act as a third party.
 */
export async function moderatedRoom(backend: TestBackend, owner: string, admins: string[]): Promise<{ jid: string; owner: RawXmppClient }> {
  const jid = backend.newRoomJid();
  const client = await backend.connect(owner);
  await client.joinRoom(jid, `${owner}-chat`);
  for (const admin of admins) await client.setAffiliation(jid, `${admin}@${backend.domain}`, 'admin');
  return { jid, owner: client };
}

/** Opens a room on an engine and waits until its view is live. */
export async function openLive(t: TestEngine, ref: RoomRef): Promise<RoomView> {
  const opened = await t.engine.openRoom(ref);
  if (!opened.ok) throw new Error(`open ${ref.jid}: ${JSON.stringify(opened.error)}`);
  return waitForView(t.engine, ref, (v) => v.status === 'live' && v.loaded);
}
