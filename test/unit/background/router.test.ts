// The router's checks on who may send what. A browser's runtime cannot run
// in a Node test, so senders are plain objects shaped like
// runtime.MessageSender (the fields the browser fills in) and ports are
// small fakes of runtime.Port; handlers are recorders. The tab map is the
// real TabRooms over an in-memory store.
import { describe, expect, it } from 'vitest';
import { Router, type PortLike } from '../../../src/background/router';
import type { Handlers, RequestType } from '../../../src/background/handlers';
import { TabRooms } from '../../../src/background/tab-rooms';
import type { BackgroundToPort, Reply } from '../../../src/messages';
import type { RoomView } from '../../../src/core/types';
import { diffViews, type ViewListener } from '../../../src/core/view-delta';
import type { Caller } from '../../../src/background/senders';
import { FakeRoomSource, makeView, memoryKV, ROOM_A, ROOM_B } from './fakes';
import { viewFromText } from '../../../src/core/view-text';

const SELF = { id: 'our-extension', origin: 'chrome-extension://our-extension/' };
const POPUP = { id: SELF.id, url: 'chrome-extension://our-extension/src/popup/index.html' };
const ENABLED = 'https://video.example';
const content = (tabId: number, url = `${ENABLED}/w/abc`, frameId = 0) => ({ id: SELF.id, url, tab: { id: tabId }, frameId });

const TYPES: RequestType[] = [
  'content/watch-page',
  'content/room-left',
  'view/edit',
  'view/tab-info',
  'view/instance-request',
  'view/instance-enable',
  'view/instance-disable',
  'view/account-add',
  'view/account-remove',
  'view/room-open',
  'view/all-rooms',
  'view/show-message',
  'view/settings-get',
  'view/settings-set',
];

function setup() {
  const tabRooms = new TabRooms(memoryKV());
  const rooms = new FakeRoomSource();
  const calls: { type: RequestType; message: unknown; caller: Caller }[] = [];
  const handlers = Object.fromEntries(
    TYPES.map((type) => [
      type,
      async (message: unknown, caller: Caller) => {
        calls.push({ type, message, caller });
        if (type === 'view/edit') throw new Error('boom');
        return { ok: true, value: 'handled' };
      },
    ]),
  ) as unknown as Handlers;
  const router = new Router({
    self: SELF,
    handlers,
    tabRooms,
    engine: rooms,
    isEnabled: async (origin) => origin === ENABLED,
    ready: Promise.resolve(),
    log: () => undefined,
  });
  return { router, tabRooms, rooms, calls };
}

const detected = (origin = ENABLED) => ({
  type: 'content/watch-page',
  videoId: 'abc',
  url: `${origin}/w/abc`,
  auth: { kind: 'peertube', tokenType: 'Bearer', accessToken: 'secret' },
});

const EDIT_ID = 'edit-1';

/**
 * What a view gets for a message: a runtime message's reply; for an edit,
 * the answer over a room port watching the edit's room (edits go there), or
 * the port's refusal.
 */
async function ask(router: Router, message: unknown, sender: PortLike['sender']): Promise<Reply<unknown>> {
  const m = message as { type?: unknown; room?: unknown; edit?: unknown };
  if (m?.type !== 'view/edit') return router.handleMessage(message, sender);
  const port = new FakePort('room', sender);
  router.handlePort(port);
  await port.send({ type: 'view/watch', room: m.room });
  await port.send({ type: 'view/edit', id: EDIT_ID, edit: m.edit });
  for (const answer of port.posted) {
    if (answer.type === 'bg/edited') return answer.reply;
    if (answer.type === 'bg/refused') return { ok: false, error: answer.error };
  }
  throw new Error('the port answered nothing');
}

const createTask = (room = ROOM_A) => ({ type: 'view/edit', room, edit: { op: 'createTask', list: 'L1', name: 'Check sound' } });

function refusal(reply: Reply<unknown>): string {
  expect(reply.ok).toBe(false);
  if (reply.ok) return '';
  expect(reply.error.code).toBe('bad-request');
  return reply.error.detail ?? '';
}

/** The engine's room as room-view.ts is: each watcher is given the delta from the view it was last given. */
function pushingDeltas(rooms: FakeRoomSource) {
  let last: RoomView | undefined;
  const listeners = new Set<ViewListener>();
  rooms.watch = (_ref, listener) => {
    listeners.add(listener);
    if (last) listener(last);
    return () => listeners.delete(listener);
  };
  const push = (view: RoomView) => {
    const from = last;
    last = view;
    for (const l of listeners) l(view, from && { from, delta: diffViews(from, view)! });
  };
  return { push, listeners };
}
describe('sender checks', () => {
  it('refuses messages that do not come from this extension', async () => {
    const { router, calls } = setup();
    expect(refusal(await ask(router, { type: 'view/settings-get' }, { ...POPUP, id: 'someone-else' }))).toMatch(/not this extension/);
    expect(refusal(await ask(router, { type: 'view/settings-get' }, undefined))).toMatch(/not this extension/);
    expect(calls).toEqual([]);
  });

  it('lets extension pages ask anything a view may ask', async () => {
    const { router, calls } = setup();
    expect(await ask(router, { type: 'view/settings-get' }, POPUP)).toEqual({ ok: true, value: 'handled' });
    expect(await ask(router, { type: 'view/instance-enable', origin: ENABLED }, POPUP)).toEqual({ ok: true, value: 'handled' });
    expect(calls.map((c) => [c.type, c.caller.kind])).toEqual([
      ['view/settings-get', 'page'],
      ['view/instance-enable', 'page'],
    ]);
  });

  it('refuses content/* messages from extension pages, which have no tab to speak for', async () => {
    const { router, calls } = setup();
    expect(refusal(await ask(router, detected(), POPUP))).toMatch(/content scripts only/);
    expect(calls).toEqual([]);
  });

  it('never lets a content script reach settings, accounts, instances, tab info or another tab', async () => {
    const { router, calls } = setup();
    const asked = [
      { type: 'view/settings-get' },
      { type: 'view/settings-set', settings: { notifyNewTasks: true } },
      { type: 'view/account-add', account: { jid: 'a@b.c', password: 'p', service: 'wss://b.c/ws' } },
      { type: 'view/account-remove', id: 'xmpp:a@b.c' },
      { type: 'view/room-open', room: ROOM_B },
      { type: 'view/instance-request', origin: 'https://evil.example' },
      { type: 'view/instance-enable', origin: 'https://evil.example' },
      { type: 'view/instance-disable', origin: ENABLED },
      { type: 'view/tab-info', tabId: 3 },
      // asking another tab's content script to act on its page
      { type: 'view/show-message', room: ROOM_A, ref: { id: 'm-1' }, windowId: 1 },
    ];
    for (const message of asked) {
      expect(refusal(await ask(router, message, content(7)))).toMatch(`content scripts may not send ${message.type}`);
    }
    expect(calls).toEqual([]);
  });

  it('lets a content script report its own page, on an enabled instance only', async () => {
    const { router, calls } = setup();
    expect(await ask(router, detected(), content(7))).toEqual({ ok: true, value: 'handled' });
    expect(calls[0]?.caller).toEqual({ kind: 'content', tabId: 7, origin: ENABLED });

    // a page claiming another origin than its own (the background would fetch from it)
    expect(refusal(await ask(router, detected('https://other.example'), content(7)))).toMatch(/its own page/);
    // an origin the user never enabled (say, the script was left running after "Disable")
    expect(refusal(await ask(router, detected('https://other.example'), content(8, 'https://other.example/w/abc')))).toMatch(
      /not an enabled instance/,
    );
    expect(calls).toHaveLength(1);
  });

  it("lets a content script edit its own tab's room and no other", async () => {
    const { router, tabRooms, calls } = setup();
    // before the tab has a room, nothing
    expect(refusal(await ask(router, createTask(), content(7)))).toMatch(/own tab's room/);
    await tabRooms.set(7, { origin: ENABLED, room: ROOM_A });
    await tabRooms.set(8, { origin: ENABLED, room: ROOM_B });
    expect(refusal(await ask(router, createTask(ROOM_B), content(7)))).toMatch(/own tab's room/);
    // own room: passes the checks and reaches the handler (which fails here: see the next test)
    const reply = await ask(router, createTask(ROOM_A), content(7));
    expect(calls.map((c) => c.type)).toEqual(['view/edit']);
    expect(reply).toEqual({ ok: false, error: { code: 'internal', detail: 'boom' } });
  });

  it('refuses content scripts in sub-frames and senders that are neither pages nor tabs', async () => {
    const { router, calls } = setup();
    expect(refusal(await ask(router, detected(), content(7, `${ENABLED}/w/abc`, 3)))).toMatch(/top frame/);
    expect(refusal(await ask(router, detected(), { id: SELF.id, url: `${ENABLED}/w/abc` }))).toMatch(/neither/);
    expect(refusal(await ask(router, detected(), { id: SELF.id, url: 'about:blank', tab: { id: 7 } }))).toMatch(/neither/);
    expect(calls).toEqual([]);
  });
});

describe('message validation', () => {
  it('refuses what is not a message, and unknown types, naming the problem', async () => {
    const { router, calls } = setup();
    expect(refusal(await ask(router, 'hello', POPUP))).toBe('message must be an object');
    expect(refusal(await ask(router, null, POPUP))).toBe('message must be an object');
    expect(refusal(await ask(router, { type: 'view/everything' }, POPUP))).toBe('unknown message type "view/everything"');
    expect(calls).toEqual([]);
  });

  it('refuses bad fields with the path of the field', async () => {
    const { router, calls } = setup();
    const cases: [unknown, string][] = [
      [{ type: 'view/edit', room: ROOM_A, edit: { op: 'dropTable' } }, 'edit.op is not a known edit'],
      [{ type: 'view/edit', room: ROOM_A, edit: { op: 'createTask', list: 'L1' } }, 'edit.name must be a string'],
      [{ type: 'view/edit', room: ROOM_A, edit: { op: 'createTask', list: 'L1', name: '   ' } }, 'edit.name must not be empty'],
      [
        { type: 'view/edit', room: ROOM_A, edit: { op: 'moveTask', id: 'T', list: 'L', index: -1 } },
        'edit.index must be a whole number ≥ 0',
      ],
      [{ type: 'view/edit', room: ROOM_A, edit: { op: 'setDone', id: 'T', done: 'yes' } }, 'edit.done must be true or false'],
      [
        { type: 'view/edit', room: { account: 'x', jid: 'no-at-sign' }, edit: { op: 'deleteTask', id: 'T' } },
        'room.jid must be a bare JID (name@host)',
      ],
      [{ type: 'view/tab-info', tabId: 1.5 }, 'tabId must be a whole number ≥ 0'],
      [{ type: 'view/instance-enable', origin: 'https://video.example/w/abc' }, 'origin must be an origin like https://peertube.example'],
      [{ type: 'view/instance-enable', origin: 'file:///etc' }, 'origin must be an origin like https://peertube.example'],
      [
        { type: 'view/account-add', account: { jid: 'a@b.c', password: 'p', service: 'ftp://b.c' } },
        'account.service must start with wss: or ws: or https: or http://',
      ],
      [
        { type: 'view/settings-set', settings: { instances: ['https://evil.example'] } },
        'settings.instances changes only with view/instance-enable or view/instance-disable',
      ],
      [{ type: 'view/settings-set', settings: { notifyNewTasks: 'on' } }, 'settings.notifyNewTasks must be true or false'],
      [{ ...detected(), url: 'javascript:alert(1)' }, 'url must start with https: or http://'],
      [{ ...detected(), videoId: '' }, 'videoId must not be empty'],
      [{ ...detected(), auth: { kind: 'peertube', tokenType: 'Bearer' } }, 'auth.accessToken must be a string'],
      [
        { ...createTask(), edit: { op: 'createTask', list: 'L1', name: 'x'.repeat(200_001) } },
        'edit.name is longer than 200000 characters',
      ],
      [{ type: 'view/edit', room: ROOM_A, edit: { op: 'createNote', description: ' ' } }, 'edit.description must not be empty'],
      [{ type: 'view/edit', room: ROOM_A, edit: { op: 'createNote', description: 'x', about: 'dave' } }, 'edit.about must be an object'],
      [
        { type: 'view/edit', room: ROOM_A, edit: { op: 'createNote', description: 'x', about: { nick: 7 } } },
        'edit.about.nick must be a string',
      ],
      [{ type: 'view/edit', room: ROOM_A, edit: { op: 'moveNote', id: 'N', index: 1.5 } }, 'edit.index must be a whole number ≥ 0'],
      [{ type: 'view/edit', room: ROOM_A, edit: { op: 'editNote', id: '', description: 'x' } }, 'edit.id must not be empty'],
      [{ type: 'view/show-message', room: ROOM_A, ref: { id: 'm-1' } }, 'windowId must be a whole number ≥ 0'],
      [{ type: 'view/show-message', room: ROOM_A, ref: 'm-1', windowId: 1 }, 'ref must be an object'],
      [{ type: 'view/show-message', room: ROOM_A, ref: { id: '' }, windowId: 1 }, 'ref.id must not be empty'],
      [{ type: 'view/show-message', room: ROOM_A, ref: {}, windowId: 1 }, 'ref.time must be a string'],
    ];
    for (const [message, detail] of cases) expect(refusal(await ask(router, message, POPUP))).toBe(detail);
    expect(calls).toEqual([]);
  });

  it('hands handlers only the checked fields', async () => {
    const { router, calls } = setup();
    const message = {
      type: 'view/edit',
      room: { ...ROOM_A, extra: 1 },
      edit: { op: 'setDone', id: 'T1', done: true, __proto__x: 2 },
      sneaky: true,
    };
    // a page's edit passes the checks; the recorder handler then throws
    await ask(router, message, POPUP);
    expect(calls[0]?.message).toEqual({ type: 'view/edit', room: ROOM_A, edit: { op: 'setDone', id: 'T1', done: true }, id: EDIT_ID });
  });

  it('hands on a note edit with only the known values of its participant, blank ones dropped', async () => {
    const { router, calls } = setup();
    const about = { jid: 'dave@example.org', nick: ' ', occupantId: 'occ=', role: 'moderator' };
    await ask(router, { type: 'view/edit', room: ROOM_A, edit: { op: 'createNote', description: 'Asked\nagain', about } }, POPUP);
    expect(calls[0]?.message).toEqual({
      type: 'view/edit',
      room: ROOM_A,
      edit: { op: 'createNote', description: 'Asked\nagain', about: { jid: 'dave@example.org', occupantId: 'occ=' } },
      id: EDIT_ID,
    });
    await ask(router, { type: 'view/edit', room: ROOM_A, edit: { op: 'createNote', description: 'x', about: { nick: '' } } }, POPUP);
    expect(calls[1]?.message).toEqual({ type: 'view/edit', room: ROOM_A, edit: { op: 'createNote', description: 'x' }, id: EDIT_ID });
  });

  it('accepts a task with 100,000 characters of hostile text as plain data', async () => {
    const { router, calls } = setup();
    const name = '<img src=x onerror=alert(1)>'.repeat(3572).slice(0, 100_000);
    await ask(router, { ...createTask(), edit: { op: 'createTask', list: 'L1', name, description: '\u202Eevil' } }, POPUP);
    expect(calls[0]?.message).toEqual({
      ...createTask(),
      edit: { op: 'createTask', list: 'L1', name, description: '\u202Eevil' },
      id: EDIT_ID,
    });
  });
});

describe('an undo (restore edit)', () => {
  const restore = (items: unknown) => ({ type: 'view/edit', room: ROOM_A, edit: { op: 'restore', items } });
  const task = { kind: 'task', id: 'T1', list: 'L1', name: 'Check sound', order: 3, done: true };

  it("passes on items rebuilt from their checked fields, another client's data written again by our serializer", async () => {
    const { router, calls } = setup();
    const unknown = {
      attrs: { prio: 'high' },
      children: ['<due xmlns="urn:x" at=\'1\'>soon<!-- c --></due>', '<note>in the payload ns</note>'],
    };
    await ask(
      router,
      restore([
        { kind: 'tasklist', id: 'L1', name: 'Prep', extra: 1 },
        { ...task, unknown, sneaky: 1 },
      ]),
      POPUP,
    );
    expect(calls[0]?.message).toEqual({
      id: EDIT_ID,
      ...restore([
        { kind: 'tasklist', id: 'L1', name: 'Prep' },
        {
          ...task,
          unknown: { attrs: { prio: 'high' }, children: ['<due xmlns="urn:x" at="1">soon</due>', '<note>in the payload ns</note>'] },
        },
      ]),
    });
  });

  it('refuses child data that is not exactly one XML element: it would add to the stanza', async () => {
    const { router, calls } = setup();
    const cases: [unknown, string][] = [
      [[], 'edit.items must hold 1 to 5000 items'],
      [[{ ...task, kind: 'note' }], 'edit.items[0].kind must be tasklist or task'],
      [[{ ...task, order: '3' }], 'edit.items[0].order must be a whole number'],
      [
        [{ ...task, unknown: { attrs: {}, children: ['</task></item><item id="x"><task/>'] } }],
        'edit.items[0].unknown.children[0] must be one XML element',
      ],
      [[{ ...task, unknown: { attrs: {}, children: ['<a/><b/>'] } }], 'edit.items[0].unknown.children[0] must be one XML element'],
      [[{ ...task, unknown: { attrs: {}, children: ['text<a/>'] } }], 'edit.items[0].unknown.children[0] must be one XML element'],
      [[{ ...task, unknown: { attrs: {}, children: ['<a>'] } }], 'edit.items[0].unknown.children[0] must be one XML element'],
    ];
    for (const [items, detail] of cases) expect(refusal(await ask(router, restore(items), POPUP))).toBe(detail);
    expect(calls).toEqual([]);
  });
});

class FakePort implements PortLike {
  posted: BackgroundToPort[] = [];
  disconnected = false;
  private messageListeners: ((m: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  onMessage = { addListener: (l: (m: unknown) => void) => void this.messageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => void this.disconnectListeners.push(l) };
  constructor(
    public name: string,
    public sender: PortLike['sender'],
  ) {}
  postMessage(m: BackgroundToPort) {
    this.posted.push(m);
  }
  disconnect() {
    this.disconnected = true;
  }
  /** the view sends a message, and the background is done with it (its checks and handler are promises: a task later) */
  async send(m: unknown) {
    for (const l of this.messageListeners) l(m);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  /** the view goes away */
  close() {
    for (const l of this.disconnectListeners) l();
  }
}

describe('room ports', () => {
  it("gives a content script its own tab's room, live, and stops when the port closes", async () => {
    const { router, tabRooms, rooms } = setup();
    await tabRooms.set(7, { origin: ENABLED, room: ROOM_A });
    rooms.push(makeView(ROOM_A, { title: 'first' }));
    const port = new FakePort('room', content(7));
    router.handlePort(port);
    await port.send({ type: 'view/watch', room: ROOM_A });
    rooms.push(makeView(ROOM_A, { title: 'second' }));
    expect(port.posted.map((m) => (m.type === 'bg/room' ? viewFromText(m.view).title : m.type))).toEqual(['first', 'second']);
    port.close();
    expect(rooms.watchers(ROOM_A)).toBe(0);
  });

  it('passes the views of a burst on as the engine paces them (view-emitter.ts), the latest last, and none after the port closed', async () => {
    const { router, rooms } = setup();
    rooms.push(makeView(ROOM_A, { title: 'v0' }));
    const port = new FakePort('room', POPUP);
    router.handlePort(port);
    await port.send({ type: 'view/watch', room: ROOM_A });
    for (let i = 1; i <= 5; i++) rooms.push(makeView(ROOM_A, { title: `v${i}` }));
    const titles = port.posted.map((m) => (m.type === 'bg/room' ? viewFromText(m.view).title : m.type));
    expect(titles).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v5']);
    port.close();
    rooms.push(makeView(ROOM_A, { title: 'after close' }));
    expect(port.posted).toHaveLength(titles.length);
    expect(rooms.watchers(ROOM_A)).toBe(0);
  });

  it('posts the whole view first, then only what changed, each message numbered; a watch asked again starts whole again', async () => {
    const { router, rooms } = setup();
    const { push, listeners } = pushingDeltas(rooms);
    const t1 = { id: 't1', list: 'L1', name: 'Check sound', order: 0, done: false };
    push(makeView(ROOM_A, { tasks: [t1] }));
    const port = new FakePort('room', POPUP);
    router.handlePort(port);
    await port.send({ type: 'view/watch', room: ROOM_A });
    push(makeView(ROOM_A, { tasks: [{ ...t1, done: true }], updatedAt: 1 }));
    push(makeView(ROOM_A, { tasks: [{ ...t1, done: true }], updatedAt: 2, title: 'Renamed' }));
    await port.send({ type: 'view/watch', room: ROOM_A });
    push(makeView(ROOM_A, { tasks: [], updatedAt: 3, title: 'Renamed' }));
    expect(port.posted.map((m) => [m.type, 'seq' in m ? m.seq : undefined])).toEqual([
      ['bg/room', 1],
      ['bg/delta', 2],
      ['bg/delta', 3],
      ['bg/room', 4],
      ['bg/delta', 5],
    ]);
    expect(port.posted[1]).toEqual({
      type: 'bg/delta',
      seq: 2,
      delta: { tasks: { put: [{ ...t1, done: true }], removed: [] }, set: { updatedAt: 1 } },
    });
    expect(port.posted[4]).toEqual({ type: 'bg/delta', seq: 5, delta: { tasks: { put: [], removed: ['t1'] }, set: { updatedAt: 3 } } });
    // a change from a view this port was not given goes whole
    listeners.forEach((l) =>
      l(makeView(ROOM_A, { title: 'elsewhere' }), { from: makeView(ROOM_A), delta: { set: { title: 'elsewhere' } } }),
    );
    expect(port.posted[5]).toMatchObject({ type: 'bg/room', seq: 6 });
    expect(viewFromText((port.posted[5] as { view: string }).view)).toMatchObject({ title: 'elsewhere' });
  });

  it("posts a change of many items (a big room's first fetch) as the whole view, as text, not as a delta", async () => {
    const { router, rooms } = setup();
    const { push } = pushingDeltas(rooms);
    const tasks = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `t${i}`, list: 'L1', name: `task ${i}`, order: i, done: false }));
    push(makeView(ROOM_A, { tasks: [] }));
    const port = new FakePort('room', POPUP);
    router.handlePort(port);
    await port.send({ type: 'view/watch', room: ROOM_A });
    push(makeView(ROOM_A, { tasks: tasks(200) }));
    push(makeView(ROOM_A, { tasks: tasks(401) }));
    expect(port.posted.map((m) => [m.type, 'seq' in m ? m.seq : undefined])).toEqual([
      ['bg/room', 1],
      ['bg/delta', 2],
      ['bg/room', 3],
    ]);
    expect(Object.keys(viewFromText((port.posted[2] as { view: string }).view).items.tasks)).toHaveLength(401);
  });

  it("answers a port's edits by their id, for the room it watches, and refuses an edit sent as a runtime message", async () => {
    const { router, tabRooms, calls } = setup();
    expect(refusal(await router.handleMessage(createTask(), POPUP))).toBe('edits go over the room port, not as a runtime message');
    await tabRooms.set(7, { origin: ENABLED, room: ROOM_A });
    const port = new FakePort('room', content(7));
    router.handlePort(port);
    // before any watch, an edit is for no room: nothing is done
    await port.send({ type: 'view/edit', id: 'early', edit: createTask().edit });
    await port.send({ type: 'view/watch', room: ROOM_A });
    await port.send({ type: 'view/edit', id: 'e2', edit: createTask().edit });
    expect(calls.map((c) => c.message)).toEqual([{ ...createTask(), id: 'e2' }]);
    // the recorder handler throws: its failure is the answer, under the edit's id
    expect(port.posted.filter((m) => m.type === 'bg/edited')).toEqual([
      { type: 'bg/edited', id: 'e2', reply: { ok: false, error: { code: 'internal', detail: 'boom' } } },
    ]);
  });

  it('refuses a content script watching another room, and says why', async () => {
    const { router, tabRooms, rooms } = setup();
    await tabRooms.set(7, { origin: ENABLED, room: ROOM_A });
    rooms.push(makeView(ROOM_B));
    const port = new FakePort('room', content(7));
    router.handlePort(port);
    await port.send({ type: 'view/watch', room: ROOM_B });
    expect(port.posted).toEqual([
      { type: 'bg/refused', error: { code: 'bad-request', detail: "a content script may only reach its own tab's room" } },
    ]);
    expect(port.disconnected).toBe(true);
    expect(rooms.watchers(ROOM_B)).toBe(0);
  });

  it("ends a content script's watch when its tab moves to another room", async () => {
    const { router, tabRooms, rooms } = setup();
    await tabRooms.set(7, { origin: ENABLED, room: ROOM_A });
    const port = new FakePort('room', content(7));
    router.handlePort(port);
    await port.send({ type: 'view/watch', room: ROOM_A });
    expect(rooms.watchers(ROOM_A)).toBe(1);
    await tabRooms.set(7, { origin: ENABLED, room: ROOM_B });
    expect(port.disconnected).toBe(true);
    expect(rooms.watchers(ROOM_A)).toBe(0);
  });

  it('lets extension pages watch any room, one at a time, and refuses malformed watch messages', async () => {
    const { router, rooms } = setup();
    const port = new FakePort('room', POPUP);
    router.handlePort(port);
    await port.send({ type: 'view/watch', room: ROOM_A });
    await port.send({ type: 'view/watch', room: ROOM_B });
    expect([rooms.watchers(ROOM_A), rooms.watchers(ROOM_B)]).toEqual([0, 1]);
    await port.send({ type: 'view/watch', room: 'everything' });
    expect(port.posted.at(-1)).toEqual({ type: 'bg/refused', error: { code: 'bad-request', detail: 'room must be an object' } });
    expect(port.disconnected).toBe(true);
    expect(rooms.watchers(ROOM_B)).toBe(0);
  });

  it('leaves ports of other names alone and refuses ports from elsewhere', async () => {
    const { router } = setup();
    const other = new FakePort('something-else', POPUP);
    router.handlePort(other);
    expect([other.posted, other.disconnected]).toEqual([[], false]);
    const foreign = new FakePort('room', { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' });
    router.handlePort(foreign);
    expect(foreign.posted).toEqual([{ type: 'bg/refused', error: { code: 'bad-request', detail: 'sender is not this extension' } }]);
    expect(foreign.disconnected).toBe(true);
  });
});
