// The message router: every runtime message and every `room` port goes
// through here. Order of checks, for each message: the sender (our own
// extension only; pages vs content scripts), the shape, then what that
// sender may ask. Content scripts act for an untrusted page: they may only
// report their tab's room, edit it and watch it, never reach settings,
// accounts, instances or another room.
import { roomKey, type Problem, type RoomRef, type RoomView } from '../core/types';
import { deltaItems, type ViewListener } from '../core/view-delta';
import { ROOM_PORT, type BackgroundToPort, type PortToBackground, type Reply, type Request } from '../messages';
import type { Handlers } from './handlers';
import type { TabRooms } from './tab-rooms';
import { identify, type Caller, type Self, type SenderLike } from './senders';
import { checkPortMessage, checkRequest } from './validate';
import { viewToText } from '../core/view-text';

export interface PortLike {
  name: string;
  sender?: SenderLike;
  postMessage(message: BackgroundToPort): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface RouterDeps {
  self: Self;
  handlers: Handlers;
  tabRooms: TabRooms;
  engine: { watch(ref: RoomRef, listener: ViewListener): () => void };
  isEnabled(origin: string): Promise<boolean>;
  /** resolves once the engine and the tab map are restored from storage */
  ready: Promise<unknown>;
  log?: (...a: unknown[]) => void;
}

interface PortState {
  /** set for a content script's port: its watch ends when the tab's room changes */
  tabId?: number;
  room?: RoomRef;
  /** the latest watch's checks: the port's edits are for the room it watches, so they wait for them */
  watched?: Promise<void>;
  unsubscribe?: () => void;
  /** the view the port was last given (whole or by delta), and that message's number */
  sent?: RoomView;
  seq: number;
}

const CONTENT_MAY_SEND: ReadonlySet<Request['type']> = new Set(['content/watch-page', 'content/room-left']);

/**
 * Past this many items a change goes as the whole view, as text (view-delta.ts deltaItems): a room's
 * first fetch is a delta of every item, and 5,000 items posted as objects took ~100 ms to post and as
 * long again to copy into the page's view. A move renumbers a list (up to 99 tasks): that stays a delta.
 */
const MAX_DELTA_ITEMS = 200;

const refused = (detail: string): { ok: false; error: Problem } => ({ ok: false, error: { code: 'bad-request', detail } });

export class Router {
  private readonly log: (...a: unknown[]) => void;
  private ports = new Map<PortLike, PortState>();

  constructor(private readonly deps: RouterDeps) {
    this.log = deps.log ?? console.warn;
    deps.tabRooms.subscribe((tabId, record) => this.closePortsOfOtherRooms(tabId, record?.room));
  }

  /** A runtime message; always resolves to a Reply. */
  async handleMessage(message: unknown, sender: SenderLike | undefined): Promise<Reply<unknown>> {
    const who = identify(sender, this.deps.self);
    if (!who.ok) return who;
    const checked = checkRequest(message);
    if (!checked.ok) return checked;
    const request = checked.value;
    try {
      await this.deps.ready;
      const denied = await this.deny(request, who.caller);
      if (denied) return refused(denied);
    } catch (e) {
      return this.failed(request, e);
    }
    return this.handle(request, who.caller);
  }

  /** A checked request to its handler; a handler's exception becomes a failed reply. */
  private async handle(request: Request, caller: Caller): Promise<Reply<unknown>> {
    try {
      const handler = this.deps.handlers[request.type] as (m: Request, c: Caller) => Promise<Reply<unknown>>;
      return await handler(request, caller);
    } catch (e) {
      return this.failed(request, e);
    }
  }

  private failed(request: Request, e: unknown): Reply<unknown> {
    this.log('handler failed', request.type, e);
    return { ok: false, error: { code: 'internal', detail: e instanceof Error ? e.message : String(e) } };
  }

  /** A runtime port: `room` ports carry one watch at a time; other names are not ours to answer. */
  handlePort(port: PortLike): void {
    if (port.name !== ROOM_PORT) return;
    const who = identify(port.sender, this.deps.self);
    if (!who.ok) {
      this.refusePort(port, who.error);
      return;
    }
    const caller = who.caller;
    const state: PortState = { tabId: caller.kind === 'content' ? caller.tabId : undefined, seq: 0 };
    this.ports.set(port, state);
    port.onDisconnect.addListener(() => this.stopWatch(port));
    port.onMessage.addListener((message) => {
      const checked = checkPortMessage(message);
      if (!checked.ok) return this.refusePort(port, checked.error);
      const msg = checked.value;
      if (msg.type === 'view/edit') {
        void this.edit(port, state, caller, msg);
        return;
      }
      state.watched = this.watch(port, state, caller, msg.room).catch((e: unknown) => {
        this.log('watch failed', e);
        this.refusePort(port, { code: 'internal', detail: e instanceof Error ? e.message : String(e) });
      });
    });
  }

  /**
   * An edit of the port's room, once its watch passed its checks (a port
   * whose watch was refused is closed: its edits get no answer, and the view
   * says why it ended). A content script is checked again, as for any of its
   * messages: its tab may have left the room meanwhile.
   */
  private async edit(port: PortLike, state: PortState, caller: Caller, { id, edit }: Extract<PortToBackground, { type: 'view/edit' }>) {
    await state.watched;
    const room = state.room;
    if (!room || !this.ports.has(port)) return;
    const request: Request = { type: 'view/edit', room, edit, id };
    let reply: Reply<unknown>;
    try {
      const denied = caller.kind === 'content' ? await this.denyContentRoom(caller, room) : undefined;
      reply = denied ? refused(denied) : await this.handle(request, caller);
    } catch (e) {
      reply = this.failed(request, e);
    }
    safePost(port, { type: 'bg/edited', id, reply: reply as Reply<{ itemId: string }> });
  }

  private async watch(port: PortLike, state: PortState, caller: Caller, room: RoomRef) {
    await this.deps.ready;
    if (caller.kind === 'content') {
      const denied = await this.denyContentRoom(caller, room);
      if (denied) return this.refusePort(port, { code: 'bad-request', detail: denied });
    }
    if (!this.ports.has(port)) return; // closed while we waited
    state.unsubscribe?.();
    state.room = room;
    state.sent = undefined; // a watch (first, or asked again by a view that lost track) starts with the whole view
    // Every view the engine pushes goes on at once: the room paces its pushes
    // by what they cost, posting to every port included (view-emitter.ts).
    const push: ViewListener = (view, change) => {
      const seq = ++state.seq;
      const message: BackgroundToPort =
        change && change.from === state.sent && deltaItems(change.delta) <= MAX_DELTA_ITEMS
          ? { type: 'bg/delta', seq, delta: change.delta }
          : { type: 'bg/room', seq, view: viewToText(view) };
      state.sent = view;
      safePost(port, message);
    };
    state.unsubscribe = this.deps.engine.watch(room, push);
  }

  private refusePort(port: PortLike, error: Problem) {
    safePost(port, { type: 'bg/refused', error });
    this.closePort(port);
  }

  /** disconnect() does not fire our own onDisconnect: stop the watch here too. */
  private closePort(port: PortLike) {
    this.stopWatch(port);
    port.disconnect();
  }

  private stopWatch(port: PortLike) {
    this.ports.get(port)?.unsubscribe?.();
    this.ports.delete(port);
  }

  /** Why this caller may not send this request, or undefined when it may. */
  private async deny(request: Request, caller: Caller): Promise<string | undefined> {
    if (caller.kind === 'page') {
      return request.type.startsWith('content/') ? `${request.type} comes from content scripts only` : undefined;
    }
    if (!CONTENT_MAY_SEND.has(request.type)) return `content scripts may not send ${request.type}`;
    if (!(await this.deps.isEnabled(caller.origin))) return `${caller.origin} is not an enabled instance`;
    // The background fetches from the page's instance and the room picker links to this address later.
    if (request.type === 'content/watch-page' && new URL(request.url).origin !== caller.origin) {
      return 'a content script may only report its own page';
    }
    return undefined;
  }

  private async denyContentRoom(caller: Extract<Caller, { kind: 'content' }>, room: RoomRef): Promise<string | undefined> {
    if (!(await this.deps.isEnabled(caller.origin))) return `${caller.origin} is not an enabled instance`;
    const own = this.deps.tabRooms.get(caller.tabId)?.room;
    if (!own || roomKey(own) !== roomKey(room)) return "a content script may only reach its own tab's room";
    return undefined;
  }

  /** A content script's watch ends when its tab moves to another room (or none). */
  private closePortsOfOtherRooms(tabId: number, room: RoomRef | undefined) {
    for (const [port, state] of this.ports) {
      if (state.tabId !== tabId || !state.room) continue;
      if (!room || roomKey(room) !== roomKey(state.room)) this.closePort(port);
    }
  }
}

function safePost(port: PortLike, message: BackgroundToPort) {
  try {
    port.postMessage(message);
  } catch {
    // The other end went away; onDisconnect cleans up.
  }
}
