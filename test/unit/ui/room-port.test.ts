// The room-port client against a stand-in for `chrome.runtime` (no browser
// in unit tests; the real runtime and background are in the e2e suite): it
// records each port and lets a test drop it, refuse it, or make the
// extension's context go away as a reload or update does.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Edit, RoomRef } from '../../../src/core/types';
import { connectRoom, type RoomClient } from '../../../src/ui/room-port';
import { makeView } from './fixtures';
import { viewToText } from '../../../src/core/view-text';

type Listener = (m: unknown) => void;
class FakePort {
  posted: unknown[] = [];
  disconnected = false;
  private messageListeners: Listener[] = [];
  private disconnectListeners: (() => void)[] = [];
  onMessage = { addListener: (l: Listener) => this.messageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => this.disconnectListeners.push(l) };
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  disconnect() {
    this.disconnected = true;
  }
  /** the background side */
  send(m: unknown) {
    this.messageListeners.forEach((l) => l(m));
  }
  drop() {
    this.disconnectListeners.forEach((l) => l());
  }
}

interface FakeRuntime {
  id?: string;
  connect(o: { name: string }): FakePort;
  sendMessage: ReturnType<typeof vi.fn>;
}

let ports: FakePort[];
let runtime: FakeRuntime;
/** what connect does instead of opening a port, when set */
let connectThrows: Error | undefined;
let client: RoomClient | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  ports = [];
  connectThrows = undefined;
  runtime = {
    id: 'test-extension',
    connect() {
      if (connectThrows) throw connectThrows;
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    sendMessage: vi.fn(async () => ({ ok: true, value: { itemId: 'x1' } })),
  };
  (globalThis as { chrome?: unknown }).chrome = { runtime };
});
afterEach(() => {
  client?.stop();
  client = undefined;
  delete (globalThis as { chrome?: unknown }).chrome;
  vi.useRealTimers();
});

const room: RoomRef = makeView().ref;
const tick: Edit = { op: 'setDone', id: 't1', done: true };
/** what the extension's reload or update does to a content script's API */
const reloadExtension = () => {
  delete runtime.id;
  connectThrows = new Error('Extension context invalidated.');
};
/** the edits posted on a port */
const editsOn = (port: FakePort) =>
  port.posted.filter((m) => (m as { type: string }).type === 'view/edit') as { type: 'view/edit'; id: string; edit: Edit }[];
/** the client with the lowest jitter: each back-off is exactly half its ceiling */
const start = () => (client = connectRoom(room, () => 0));

describe('room-port client', () => {
  test('watches the room and tells its subscribers of each view', () => {
    start();
    const seen: (string | undefined)[] = [];
    client!.subscribe(() => seen.push(client!.current()?.title));
    expect(ports[0]!.posted).toEqual([{ type: 'view/watch', room }]);
    ports[0]!.send({ type: 'bg/room', view: viewToText(makeView([], { title: 'First' })) });
    ports[0]!.send({ type: 'bg/room', view: viewToText(makeView([], { title: 'Second' })) });
    expect(seen).toEqual(['First', 'Second']);
    expect(client!.ended()).toBeUndefined();
  });

  test('applies the deltas that follow the whole view, in order; on a gap asks for the whole view again and ignores deltas until it comes', () => {
    start();
    const seen: (string | undefined)[] = [];
    client!.subscribe(() => seen.push(client!.current()?.title));
    const first = makeView([{ name: 'Sound', tasks: ['Check mic'] }], { title: 'First' });
    ports[0]!.send({ type: 'bg/room', seq: 1, view: viewToText(first) });
    const whole = client!.current()!;
    expect(whole).toEqual(first);
    const task = first.items.tasks['L1-T1']!;
    ports[0]!.send({ type: 'bg/delta', seq: 2, delta: { tasks: { put: [{ ...task, done: true }], removed: [] } } });
    ports[0]!.send({ type: 'bg/delta', seq: 3, delta: { set: { title: 'Renamed' } } });
    expect(client!.current()?.items.tasks['L1-T1']?.done).toBe(true);
    expect(client!.current()?.items.lists).toBe(whole.items.lists); // untouched parts keep their identity
    expect(seen).toEqual(['First', 'First', 'Renamed']);

    ports[0]!.send({ type: 'bg/delta', seq: 5, delta: { set: { title: 'After a gap' } } }); // 4 never came
    expect(ports[0]!.posted).toEqual([
      { type: 'view/watch', room },
      { type: 'view/watch', room },
    ]);
    ports[0]!.send({ type: 'bg/delta', seq: 6, delta: { set: { title: 'Still lost' } } });
    expect(ports[0]!.posted).toHaveLength(2); // asked once
    expect(client!.current()?.title).toBe('Renamed');
    ports[0]!.send({ type: 'bg/room', seq: 7, view: viewToText(makeView([], { title: 'Whole again' })) });
    ports[0]!.send({ type: 'bg/delta', seq: 8, delta: { set: { title: 'Live again' } } });
    expect(client!.current()?.title).toBe('Live again');
    expect(seen).toEqual(['First', 'First', 'Renamed', 'Whole again', 'Live again']);
  });

  test('applies no delta of a new port before its whole view', async () => {
    start();
    ports[0]!.send({ type: 'bg/room', seq: 1, view: viewToText(makeView([], { title: 'Before' })) });
    ports[0]!.drop();
    await vi.advanceTimersByTimeAsync(0);
    ports[1]!.send({ type: 'bg/delta', seq: 2, delta: { set: { title: 'Not for this port' } } });
    expect(client!.current()?.title).toBe('Before');
    ports[1]!.send({ type: 'bg/room', seq: 1, view: viewToText(makeView([], { title: 'After' })) });
    expect(client!.current()?.title).toBe('After');
  });

  test('reconnects at once when the port drops, then backs off while the background keeps dropping it, and at once again after a view', async () => {
    start();
    ports[0]!.send({ type: 'bg/room', view: viewToText(makeView([], { title: 'Before' })) });
    ports[0]!.drop(); // the worker was stopped: connecting again wakes it
    await vi.advanceTimersByTimeAsync(0);
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ type: 'view/watch', room }]);
    expect(client!.current()?.title).toBe('Before'); // kept meanwhile

    // No view on the new port before it drops: 0.5 s, then 1 s, then 2 s (core/retry.ts with the lowest jitter).
    for (const [i, wait] of [500, 1000, 2000].entries()) {
      ports[i + 1]!.drop();
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(ports).toHaveLength(i + 2);
      await vi.advanceTimersByTimeAsync(1);
      expect(ports).toHaveLength(i + 3);
    }

    ports[4]!.send({ type: 'bg/room', view: viewToText(makeView([], { title: 'After' })) });
    expect(client!.current()?.title).toBe('After');
    ports[4]!.drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(ports).toHaveLength(6);
  });

  test('backs off too when connecting throws while the extension is still there', async () => {
    start();
    connectThrows = new Error('Could not establish connection.');
    ports[0]!.drop();
    await vi.advanceTimersByTimeAsync(0); // the immediate attempt throws
    connectThrows = undefined;
    await vi.advanceTimersByTimeAsync(499);
    expect(ports).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ports).toHaveLength(2);
    expect(client!.ended()).toBeUndefined();
  });

  test('stops asking once the background refuses the watch, and says why', async () => {
    start();
    ports[0]!.send({ type: 'bg/refused', error: { code: 'bad-request', detail: 'not your room' } });
    ports[0]!.drop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ports).toHaveLength(1);
    expect(client!.ended()).toEqual({ code: 'bad-request', detail: 'not your room' });
  });

  test('says at once that the extension context is gone when the port drops with it, and never reconnects', async () => {
    start();
    ports[0]!.send({ type: 'bg/room', view: viewToText(makeView([], { title: 'Last seen' })) });
    const changes = vi.fn();
    client!.subscribe(changes);
    reloadExtension();
    ports[0]!.drop();
    expect(client!.ended()).toEqual({ code: 'context-gone' });
    expect(changes).toHaveBeenCalledTimes(1);
    expect(client!.current()?.title).toBe('Last seen'); // the page keeps showing what it had
    connectThrows = undefined; // even a runtime that came back is not ours any more
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ports).toHaveLength(1);
  });

  test('says so too when the context goes between the drop and the reconnection', async () => {
    start();
    ports[0]!.drop();
    reloadExtension();
    await vi.advanceTimersByTimeAsync(0);
    expect(client!.ended()?.code).toBe('context-gone');
    expect(ports).toHaveLength(1);
  });

  test('edits go over the port as view/edit and resolve with the answer of their id, in any order', async () => {
    start();
    const first = client!.edit(tick);
    const second = client!.edit({ ...tick, done: false });
    const [a, b] = editsOn(ports[0]!);
    expect(a).toEqual({ type: 'view/edit', id: expect.stringMatching(/^[0-9a-f]{32}$/), edit: tick });
    expect(b!.id).not.toBe(a!.id);
    ports[0]!.send({ type: 'bg/edited', id: b!.id, reply: { ok: true, value: { itemId: 'x2' } } });
    ports[0]!.send({ type: 'bg/edited', id: a!.id, reply: { ok: false, error: { code: 'forbidden' } } });
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'forbidden' } });
    await expect(second).resolves.toEqual({ ok: true, value: { itemId: 'x2' } });
    expect(runtime.sendMessage).not.toHaveBeenCalled();
  });

  test('an edit whose answer is lost with its port (the background stopped) is posted again under the same id on the next one, after the watch; an edit made meanwhile goes there too', async () => {
    start();
    const lost = client!.edit(tick);
    const [posted] = editsOn(ports[0]!);
    ports[0]!.drop();
    const meanwhile = client!.edit({ ...tick, id: 't2' });
    await vi.advanceTimersByTimeAsync(0); // the first reconnection is at once: it wakes a fresh worker
    expect(ports[1]!.posted[0]).toEqual({ type: 'view/watch', room });
    const [again, made] = editsOn(ports[1]!);
    expect(again).toEqual(posted);
    expect(made?.edit).toEqual({ ...tick, id: 't2' });
    ports[1]!.send({ type: 'bg/edited', id: posted!.id, reply: { ok: true, value: { itemId: 'x1' } } });
    ports[1]!.send({ type: 'bg/edited', id: made!.id, reply: { ok: true, value: { itemId: 'x2' } } });
    await expect(lost).resolves.toEqual({ ok: true, value: { itemId: 'x1' } });
    await expect(meanwhile).resolves.toEqual({ ok: true, value: { itemId: 'x2' } });
  });

  test('an edit whose answers keep being lost is posted on each new port with the back-off, then told as not saved', async () => {
    start();
    const reply = client!.edit(tick);
    for (let i = 0; i < 5; i++) {
      ports.at(-1)!.drop();
      await vi.advanceTimersByTimeAsync(10_000);
    }
    await expect(reply).resolves.toEqual({ ok: false, error: { code: 'internal', detail: 'no answer from the background' } });
    expect(ports.slice(0, 5).map((p) => editsOn(p).length)).toEqual([1, 1, 1, 1, 1]);
    expect(editsOn(ports[5]!)).toEqual([]);
  });

  test('refuses an edit at once, without sending it, once the context is gone, even before the port noticed', async () => {
    start();
    const changes = vi.fn();
    client!.subscribe(changes);
    reloadExtension();
    await expect(client!.edit(tick)).resolves.toEqual({ ok: false, error: { code: 'context-gone' } });
    expect(editsOn(ports[0]!)).toEqual([]);
    expect(client!.ended()?.code).toBe('context-gone');
    expect(changes).toHaveBeenCalledTimes(1);
  });

  test('an edit whose answer is lost because the context went meanwhile says that, not a lost answer', async () => {
    start();
    const reply = client!.edit(tick);
    reloadExtension();
    ports[0]!.drop();
    await expect(reply).resolves.toEqual({ ok: false, error: { code: 'context-gone' } });
    expect(client!.ended()?.code).toBe('context-gone');
  });

  test('an edit waiting for its answer when the watch is refused is told why', async () => {
    start();
    const reply = client!.edit(tick);
    ports[0]!.send({ type: 'bg/refused', error: { code: 'bad-request', detail: 'not your room' } });
    await expect(reply).resolves.toEqual({ ok: false, error: { code: 'bad-request', detail: 'not your room' } });
  });

  test('an edit on its way when the view stops is still answered, and the port closes after it', async () => {
    start();
    const reply = client!.edit(tick);
    client!.stop();
    expect(ports[0]!.disconnected).toBe(false);
    ports[0]!.send({ type: 'bg/edited', id: editsOn(ports[0]!)[0]!.id, reply: { ok: true, value: { itemId: 'x1' } } });
    await expect(reply).resolves.toEqual({ ok: true, value: { itemId: 'x1' } });
    expect(ports[0]!.disconnected).toBe(true);
  });

  test('stop closes the port and nothing reconnects or notifies after it', async () => {
    start();
    const changes = vi.fn();
    client!.subscribe(changes);
    client!.stop();
    expect(ports[0]!.disconnected).toBe(true);
    ports[0]!.drop();
    ports[0]!.send({ type: 'bg/room', view: viewToText(makeView()) });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ports).toHaveLength(1);
    expect(changes).not.toHaveBeenCalled();
  });
});
