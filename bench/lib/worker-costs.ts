// The worker's own costs at the node's maximum, measured on the worker's own
// code run in Node (bundled by bench/figures/worker-costs.mjs; V8 in both):
// - the CPU time to read a 5,000-item fetch result, from the stanza's text
//   to the room's records: the XML reader the worker uses (dom-shim.ts,
//   xml-reader.ts), the items result (stanzas.ts), each item (codec.ts, through
//   ServerItems as node-sync.ts does);
// - the bytes a view's port is given: the first whole view, then what one
//   toggle pushes (RoomViewState → Router → port, as JSON: what crossing a
//   runtime port serializes), beside the whole view every change used to push;
// - the same two for the notes node at its maximum: a 5,000-note fetch, and
//   one note's text edited.
import '../../src/background/xmpp/dom-shim';
import { Router, type PortLike } from '../../src/background/router';
import type { Handlers } from '../../src/background/handlers';
import type { TabRooms } from '../../src/background/tab-rooms';
import { RoomViewState } from '../../src/background/engine/room-view';
import { ServerItems } from '../../src/background/engine/server-items';
import { EngineStore, type KV } from '../../src/background/engine/store';
import { serializeItem } from '../../src/core/codec';
import { NS, TASKS_NODE, type Item, type NotesView, type PendingEdit, type RoomItems } from '../../src/core/types';
import { applyOptimistic } from '../../src/core/plan';
import { parseItemsResult } from '../../src/core/stanzas';
import { tasksCodec } from '../../src/core/tasks-node';
import { NOTES_NODE } from '../../src/core/ns';
import { serializeNote } from '../../src/core/notes/codec';
import { type NoteItems, notesCodec } from '../../src/core/notes/notes-node';
import { applyNoteOptimistic } from '../../src/core/notes/plan';
import type { NodeCodec } from '../../src/core/node-codec';
import type { BackgroundToPort } from '../../src/messages';
import { noNotes } from '../../src/core/notes/view';

const LISTS = 50;
const TASKS_PER_LIST = 99;

/** A fetch result as Prosody sends it for the bench's big room (50 lists of 99 tasks, fill.mjs's shape). */
export function bigFetchResult(): string {
  const items: string[] = [];
  for (let l = 0; l < LISTS; l++) {
    const list: Item = { kind: 'tasklist', id: `list-${l}`, name: `List ${l}` };
    items.push(`<item id="${list.id}">${serializeItem(list)}</item>`);
    for (let t = 0; t < TASKS_PER_LIST; t++) {
      const task: Item = { kind: 'task', id: `task-${l}-${t}`, list: list.id, name: `Task ${t} of list ${l}`, order: t, done: t % 3 === 0 };
      items.push(`<item id="${task.id}">${serializeItem(task)}</item>`);
    }
  }
  return fetchResult(TASKS_NODE, items);
}

const fetchResult = (node: string, items: string[]) =>
  `<iq xmlns="jabber:client" type="result" from="room@room.example" to="alice@example/r" id="fetch1"><pubsub xmlns="${NS.pubsub}"><items node="${node}">${items.join('')}</items></pubsub></iq>`;

const NOTES = 5000;

/** A full notes node: every other note about a participant, each a sentence or two, as moderators write them. */
export function bigNotesResult(): string {
  const items: string[] = [];
  for (let n = 0; n < NOTES; n++) {
    const about = n % 2 ? { about: { jid: `viewer${n % 300}@example`, nick: `Viewer ${n % 300}`, occupantId: `occ-${n % 300}` } } : {};
    const note = {
      id: `note-${n}`,
      order: n,
      description: `Note ${n}: asked twice about the giveaway, polite; check the rules before answering.`,
      ...about,
    };
    items.push(`<item id="${note.id}">${serializeNote(note)}</item>`);
  }
  return fetchResult(NOTES_NODE, items);
}

/** Reads a fetch result of `codec`'s node as the worker does; returns the CPU time spent (ms) and the items. */
function readResult<T extends { id: string }, C>(xml: string, codec: NodeCodec<T, C>): { cpuMs: number; items: C; count: number } {
  const start = process.cpuUsage();
  const iq = new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element;
  const result = parseItemsResult(iq, codec.node);
  if ('error' in result) throw new Error(`fetch result unreadable: ${result.error.condition}`);
  const server = new ServerItems(codec, () => undefined);
  server.replaceAll(result.items);
  const used = process.cpuUsage(start);
  return { cpuMs: (used.user + used.system) / 1000, items: server.current, count: result.items.length };
}

export const readFetch = (xml: string) => readResult(xml, tasksCodec);
export const readNotesFetch = (xml: string) => readResult(xml, notesCodec);

const memory = (): KV => {
  const data = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => data.get(key) as T | undefined,
    set: async (key, value) => void data.set(key, value),
    remove: async (keys) => void [keys].flat().forEach((key) => data.delete(key)),
    getMany: async (keys) => Object.fromEntries(keys.filter((key) => data.has(key)).map((key) => [key, data.get(key)])),
    setMany: async (values) => void Object.entries(values).forEach(([key, value]) => data.set(key, value)),
  };
};

const utf8Bytes = (message: BackgroundToPort) => Buffer.byteLength(JSON.stringify(message));

/** What the room's view is made of; a change replaces parts of it, then tells the view. */
interface Shown {
  items: RoomItems;
  pending: PendingEdit[];
  notes: NotesView;
}

/** The bytes a port is given for the whole view of `shown`, then for what `change` pushes. */
async function portBytes(shown: Shown, change: (shown: Shown) => void): Promise<{ whole: number; change: number; kind: string }> {
  const ref = { account: 'xmpp:alice@example', jid: 'room@room.example' };
  const { items } = shown;
  const view = new RoomViewState(
    {
      ref,
      rights: () => 'moderator',
      shownItems: () => shown,
      serverItems: () => items,
      skipped: () => new Map(),
      loaded: () => true,
      notes: () => shown.notes,
      notesSnapshot: () => undefined,
      participants: () => ({}),
      online: () => true,
      connectionStatus: () => 'live',
      connectionProblem: () => undefined,
    },
    { store: new EngineStore(memory(), memory()), key: 'bench', now: Date.now, log: () => undefined },
    'Big room',
    undefined,
  );
  view.status = 'live';
  const posted: BackgroundToPort[] = [];
  const noTabs = { subscribe: () => undefined, get: () => undefined } as unknown as TabRooms;
  const self = { id: 'bench', origin: 'chrome-extension://bench/' };
  const router = new Router({
    self,
    handlers: {} as Handlers,
    tabRooms: noTabs,
    engine: {
      watch: (_ref, listener) => {
        const stop = view.watch(listener);
        return () => void stop();
      },
    },
    isEnabled: async () => true,
    ready: Promise.resolve(),
  });
  const messageListeners: ((m: unknown) => unknown)[] = [];
  const port: PortLike = {
    name: 'room',
    sender: { id: self.id, url: 'chrome-extension://bench/src/sidepanel/index.html' },
    postMessage: (m) => void posted.push(m),
    disconnect: () => undefined,
    onMessage: { addListener: (l) => void messageListeners.push(l) },
    onDisconnect: { addListener: () => undefined },
  };
  router.handlePort(port);
  for (const l of messageListeners) await l({ type: 'view/watch', room: ref });
  change(shown);
  view.changed();
  while (posted.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
  await view.close();
  return { whole: utf8Bytes(posted[0]!), change: utf8Bytes(posted[1]!), kind: posted[1]!.type };
}

/** One toggle in the room of `items`, shown at once (an optimistic edit queued). */
export function bytesPerToggle(items: RoomItems) {
  const id = 'task-20-50';
  return portBytes({ items, pending: [], notes: noNotes() }, (shown) => {
    shown.items = applyOptimistic(items, { op: 'setDone', id, done: !items.tasks[id]!.done }, '');
    shown.pending = [{ id: 'edit-1', itemId: id, kind: 'setDone' }];
  });
}

/** One note's text edited in a room of `notes` (and no task), shown at once. */
export function bytesPerNoteEdit(notes: NoteItems) {
  const id = 'note-2500';
  const items: RoomItems = { lists: {}, tasks: {} };
  const notesView = (n: NoteItems, pending: PendingEdit[]): NotesView => ({
    available: true,
    items: n,
    pending,
    skipped: { count: 0 },
    loaded: true,
  });
  return portBytes({ items, pending: [], notes: notesView(notes, []) }, (shown) => {
    const edited = applyNoteOptimistic(notes, { op: 'editNote', id, description: 'Warned once about links; be kind.' }, '');
    shown.notes = notesView(edited, [{ id: 'edit-1', itemId: id, kind: 'editNote' }]);
  });
}
