// One pubsub node of a room, followed: the room is checked for the node's
// feature, we subscribe, fetch every item and apply the notifications. Knows
// the node only by its codec (core/node-codec.ts): livechat-tasks is one
// instance, another node of the same room would be another.
import { bareJidKey } from '../../core/jid';
import type { NodeCodec } from '../../core/node-codec';
import { discoInfoIq, itemsIq, parseDiscoFeatures, parseEvent, parseItemsResult, subscribeIq, type PubsubEvent } from '../../core/stanzas';
import type { Problem } from '../../core/types';
import { IqError } from '../xmpp/errors';
import { ServerItems } from './server-items';

/** What a node needs of its room and session. */
export interface NodeLink {
  readonly roomJid: string;
  bareJid(): string;
  /** the room's disco#info features, asked once for every node that syncs at the same moment (sharedFeatures) */
  features(): Promise<string[]>;
  nextId(): string;
  iq(xml: string): Promise<Element>;
  log(...a: unknown[]): void;
}

/** What a node tells its room. */
export interface NodeEvents<I> {
  /** the subscription is in place; the items are on their way */
  subscribed(): void;
  /** fetched and reconciled: from now on every change comes as a notification */
  live(): void;
  /** a notified item; `mine` when we published it */
  noticed(item: I, mine: boolean): void;
  /** a notified retraction of item `id`, or of every item (`all`: the node was purged or deleted) */
  noticedRetract(id: string | 'all'): void;
  /** an item someone else changed while we were away, for the highlight */
  changedWhileAway(id: string): void;
  /** notifications changed the items */
  updated(): void;
  /** the node is not ours to read: the room lacks it, or we lack the rights */
  refused(problem: Problem): void;
  /** a transient failure: the next tick tries again */
  failed(problem: Problem): void;
  /** whether a resync asked for earlier may still run (joined, with the rights) */
  mayResync(): boolean;
}

const RESYNC_DEBOUNCE_MS = 250;

/**
 * The room's features for NodeLink.features: the nodes of a room sync side
 * by side, and one disco#info answers all of them (one request, the same
 * round trip). A request settled is not reused: the next sync asks again.
 */
export function sharedFeatures(link: Pick<NodeLink, 'roomJid' | 'nextId' | 'iq'>): () => Promise<string[]> {
  let asked: Promise<string[]> | null = null;
  return () => {
    asked ??= link
      .iq(discoInfoIq(link.roomJid, link.nextId()))
      .then(parseDiscoFeatures)
      .finally(() => {
        asked = null;
      });
    return asked;
  };
}

export class NodeSync<I extends { id: string }, C> {
  readonly items: ServerItems<I, C>;
  private readonly roomKey: string;
  /** items were fetched at least once (or restored from a cache that had them) */
  private fetched = false;
  /** items were fetched by this worker: not only what a stopped one cached, which may lag what the user saw */
  private fetchedHere = false;
  private running = false;
  /** numbers sync runs: a run abandoned by stop() or outrun by a newer one stops at its next step */
  private run = 0;
  private eventsDuringFetch: PubsubEvent[] | null = null;
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly codec: NodeCodec<I, C>,
    private readonly link: NodeLink,
    private readonly events: NodeEvents<I>,
  ) {
    this.roomKey = bareJidKey(link.roomJid);
    this.items = new ServerItems(codec, (id, reason) => link.log('room: skipped item', link.roomJid, codec.node, id, reason));
  }

  get loaded(): boolean {
    return this.fetched;
  }

  /** The items are the server's as this worker fetched and followed them, not a restarted worker's cache. */
  get current(): boolean {
    return this.fetchedHere;
  }

  get syncing(): boolean {
    return this.running;
  }

  /** What the last worker knew, from its cache. */
  restore(items: C, skipped: { count: number; sample?: string }, loaded: boolean): void {
    this.items.restore(items, skipped);
    this.fetched = loaded;
  }

  /** We may no longer read the node: forget its items. */
  clear(): void {
    this.items.clear();
    this.fetched = false;
    this.fetchedHere = false;
  }

  /** Stop the current run (the session or the room was lost); a later sync starts afresh. */
  stop(): void {
    this.run += 1;
    this.running = false;
  }

  close(): void {
    if (this.resyncTimer) clearTimeout(this.resyncTimer);
    this.resyncTimer = null;
    this.stop();
  }

  /** Subscribe again and refetch, soon (debounced): something may have made us miss notifications. */
  resyncSoon(): void {
    if (this.resyncTimer) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      if (this.events.mayResync()) void this.sync();
    }, RESYNC_DEBOUNCE_MS);
  }

  /** Check the room has the node, subscribe, fetch everything and reconcile. */
  async sync(): Promise<void> {
    if (this.running) {
      this.resyncSoon();
      return;
    }
    this.running = true;
    const run = ++this.run;
    const { link, codec } = this;
    try {
      const features = await link.features();
      if (run !== this.run) return;
      if (!features.includes(codec.feature)) {
        this.events.refused({ code: 'no-room', detail: `${link.roomJid} has no ${codec.node}` });
        return;
      }
      // Notifications handled while the items were on their way (even in the
      // same network read as the result) are newer than or included in the
      // snapshot: replayed on top of it, in order, nothing is lost. The items
      // are asked for right behind the subscription, not after its answer:
      // the server handles both in order, so the fetch finds the
      // subscription in place, one round trip sooner.
      const during: PubsubEvent[] = [];
      this.eventsDuringFetch = during;
      let elements: Element[];
      try {
        const subscribed = link.iq(subscribeIq(link.roomJid, link.bareJid(), link.nextId(), codec.node));
        const fetched = this.fetchItems();
        fetched.catch(() => {}); // its failure counts only once the subscription succeeded
        await subscribed;
        if (run === this.run) this.events.subscribed();
        elements = await fetched;
      } finally {
        if (this.eventsDuringFetch === during) this.eventsDuringFetch = null;
      }
      if (run !== this.run) return;
      // what changed while we were away, for the highlight
      this.items.replaceAll(elements, this.fetched ? (id) => this.events.changedWhileAway(id) : undefined);
      for (const event of during) this.apply(event);
      this.fetched = true;
      this.fetchedHere = true;
      this.events.live();
    } catch (e) {
      if (run !== this.run) return;
      if (e instanceof IqError && e.condition === 'forbidden') {
        this.events.refused({ code: 'forbidden', detail: `${link.roomJid}: forbidden` });
      } else {
        link.log('room: sync failed', link.roomJid, codec.node, e);
        this.events.failed({ code: 'network', detail: String(e instanceof Error ? e.message : e) });
      }
    } finally {
      if (run === this.run) this.running = false;
    }
  }

  private async fetchItems(): Promise<Element[]> {
    const { link, codec } = this;
    try {
      const result = parseItemsResult(await link.iq(itemsIq(link.roomJid, link.nextId(), codec.node)), codec.node);
      if ('error' in result) throw new IqError(result.error.condition, result.error.type, result.error.text);
      return result.items;
    } catch (e) {
      // an empty node does not exist yet
      if (e instanceof IqError && e.condition === 'item-not-found') return [];
      throw e;
    }
  }

  /** A message from the room: applies this node's notifications, if any. */
  onMessage(stanza: Element): void {
    const events = parseEvent(stanza, this.codec.node).filter((e) => bareJidKey(e.room) === this.roomKey);
    if (events.length === 0) return;
    this.eventsDuringFetch?.push(...events);
    for (const event of events) this.apply(event);
    this.events.updated();
  }

  private apply(event: PubsubEvent): void {
    switch (event.type) {
      case 'items': {
        const me = this.link.bareJid();
        for (const el of event.items) {
          const item = this.items.notified(el);
          if (item) this.events.noticed(item, el.getAttribute('publisher') === me);
        }
        break;
      }
      case 'retract':
        for (const id of event.ids) {
          this.items.retracted(id);
          this.events.noticedRetract(id);
        }
        break;
      case 'purge':
      case 'delete':
        this.items.clear();
        this.events.noticedRetract('all');
        break;
    }
  }
}
