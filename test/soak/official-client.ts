// A third moderator using the official in-chat Task Application (ConverseJS,
// peertube-plugin-livechat conversejs/custom/plugins/tasks and
// shared/lib/pubsub-manager.js), reproduced on the wire with the independent
// raw client: it keeps a model merged from notifications, republishes only
// the fields it knows (name, description, done, list, order), appends at
// 1 + the highest order, renumbers after a drop as `_saveOrders` does, and
// retracts a list's tasks one by one, then the list, without waiting.
// Its connection goes through its own NetworkLink so a fault can cut it.
import { child, children, itemsOf, NS_PUBSUB_EVENT, publishedId, RawXmppClient, xmlEscape } from '../helpers/raw-client';
import type { NetworkLink } from '../helpers/network-link';
import type { Oracle, Write } from './oracle';

export const TASKS_NODE = 'livechat-tasks';
export const NS_TASKLIST = 'urn:peertube-plugin-livechat:tasklist';
export const NS_TASK = 'urn:peertube-plugin-livechat:task';

/** A task as the official client's model holds it (Backbone attributes). */
export interface OfficialTask {
  name: string;
  description?: string;
  done: boolean;
  list: string;
  order: number;
}

export class OfficialClient {
  readonly lists = new Map<string, { name: string }>();
  readonly tasks = new Map<string, OfficialTask>();
  private client: RawXmppClient | undefined;
  private connecting: Promise<void> | undefined;
  /** the task app is set up (joined, subscribed, items retrieved) */
  ready = false;
  stopped = false;

  constructor(
    readonly name: string,
    private readonly username: string,
    private readonly password: string,
    private readonly roomJid: string,
    private readonly link: NetworkLink,
    private readonly wsUrl: string,
    private readonly oracle: Oracle,
  ) {}

  /** Connects (again) until it succeeds or the client is stopped, as Converse reconnects. */
  ensureConnected(): Promise<void> {
    this.connecting ??= this.connectLoop().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connectLoop(): Promise<void> {
    while (!this.stopped && !this.ready) {
      try {
        await this.connectOnce();
      } catch {
        this.drop();
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private async connectOnce(): Promise<void> {
    const client = await RawXmppClient.connect({ wsUrl: this.link.url(this.wsUrl), username: this.username, password: this.password });
    this.client = client;
    // Called for every stanza before any other waiter (registered first, never matches).
    client
      .waitFor((stanza) => {
        this.onStanza(client, stanza);
        return false;
      }, 2_000_000_000)
      .catch(() => {
        if (this.client === client) this.drop();
      });
    // Converse destroys the task app on leaving and builds a fresh one on entering.
    this.lists.clear();
    this.tasks.clear();
    const presence = await client.joinRoom(this.roomJid, this.name);
    const affiliation = child(
      children(presence).find((e) => e.localName === 'x'),
      'item',
    )?.getAttribute('affiliation');
    if (affiliation !== 'owner' && affiliation !== 'admin') throw new Error(`${this.name}: affiliation ${affiliation}`);
    const subscribed = await client.subscribe(this.roomJid, TASKS_NODE);
    if (subscribed.getAttribute('type') !== 'result') throw new Error(`${this.name}: subscribe refused`);
    const items = await client.getItems(this.roomJid, TASKS_NODE);
    if (items.getAttribute('type') !== 'result') throw new Error(`${this.name}: retrieval refused`);
    for (const item of itemsOf(items)) this.dispatch(item);
    this.ready = true;
  }

  /** The connection is gone: the task app is torn down until the next join. */
  private drop(): void {
    this.ready = false;
    this.client?.close();
    this.client = undefined;
    if (!this.stopped) void this.ensureConnected();
  }

  /** The session dropped (a fault): reconnects at once. */
  dropSession(): void {
    this.drop();
  }

  stop(): void {
    this.stopped = true;
    this.ready = false;
    this.client?.close();
  }

  private onStanza(client: RawXmppClient, stanza: Element): void {
    if (stanza.localName !== 'message' || stanza.getAttribute('type') !== 'headline') return;
    if ((stanza.getAttribute('from') ?? '').split('/')[0] !== this.roomJid) return;
    client.forgetReceived();
    const items = child(child(stanza, 'event', NS_PUBSUB_EVENT), 'items');
    if (!items || items.getAttribute('node') !== TASKS_NODE) return;
    for (const item of children(items, 'item')) this.dispatch(item);
    for (const retract of children(items, 'retract')) {
      const id = retract.getAttribute('id') ?? '';
      this.lists.delete(id);
      this.tasks.delete(id);
    }
  }

  /** `_dispatchStanza`: an item merged into the model (`existing.save(data)`), or created. */
  private dispatch(item: Element): void {
    const id = item.getAttribute('id');
    if (!id) return;
    for (const payload of children(item)) {
      if (payload.localName === 'tasklist' && payload.getAttribute('xmlns') === NS_TASKLIST) {
        const name = child(payload, 'name');
        const existing = this.lists.get(id);
        this.lists.set(id, { ...existing, ...(name ? { name: name.textContent ?? '' } : {}) } as { name: string });
      } else if (payload.localName === 'task' && payload.getAttribute('xmlns') === NS_TASK) {
        const data: Partial<OfficialTask> = {
          // attributes are always read: a missing one becomes '' / NaN / false
          done: !!payload.getAttribute('done'),
          list: payload.getAttribute('list') ?? '',
          order: Number.parseInt(payload.getAttribute('order') ?? '', 10),
        };
        const name = child(payload, 'name');
        if (name) data.name = name.textContent ?? '';
        const description = child(payload, 'description');
        if (description) data.description = description.textContent ?? '';
        this.tasks.set(id, { ...this.tasks.get(id), ...data } as OfficialTask);
      }
    }
  }

  // --- what its user can do ------------------------------------------------------

  /** Tasks of a list in the collection's order (comparator 'order', stable). */
  tasksOf(listId: string): Array<[string, OfficialTask]> {
    return [...this.tasks].filter(([, t]) => t.list === listId).sort((a, b) => a[1].order - b[1].order);
  }

  createList(name: string): void {
    this.publish(undefined, `<tasklist xmlns="${NS_TASKLIST}"><name>${xmlEscape(name)}</name></tasklist>`, 'createList', [
      { field: 'exists', value: true },
      { field: 'name', value: name },
    ]);
  }

  renameList(id: string, name: string): void {
    this.lists.set(id, { name });
    this.publish(id, `<tasklist xmlns="${NS_TASKLIST}"><name>${xmlEscape(name)}</name></tasklist>`, 'renameList', [
      { field: 'exists', value: true },
      { field: 'name', value: name },
    ]);
  }

  deleteList(id: string): void {
    for (const [taskId] of this.tasksOf(id)) this.retract(taskId, 'deleteList');
    this.retract(id, 'deleteList');
  }

  createTask(list: string, name: string, description: string): void {
    const order =
      1 +
      Math.max(
        0,
        ...this.tasksOf(list)
          .map(([, t]) => t.order)
          .filter((o) => !Number.isNaN(o)),
      );
    const task: OfficialTask = { name, description, done: false, list, order };
    this.publish(undefined, taskXml(task), 'createTask', taskWrites(task));
  }

  editTask(id: string, name: string, description: string): void {
    const task = this.tasks.get(id)!;
    task.name = name;
    task.description = description;
    this.saveTask(id, 'editTask');
  }

  toggleDone(id: string): void {
    const task = this.tasks.get(id)!;
    task.done = !task.done;
    this.saveTask(id, 'setDone');
  }

  deleteTask(id: string): void {
    this.retract(id, 'deleteTask');
  }

  /**
   * `_dropDone`: dropped on a list (first place, order 0), or on the upper or
   * lower half of a task (its order, or its order + 1); then `_saveOrders`.
   */
  move(id: string, target: { list: string } | { task: string; lowerHalf: boolean }): void {
    const task = this.tasks.get(id)!;
    let newOrder: number;
    if ('list' in target) {
      if (task.list === target.list && task.order === 0) return;
      task.list = target.list;
      newOrder = 0;
    } else {
      if (target.task === id) return;
      const on = this.tasks.get(target.task)!;
      task.list = on.list;
      newOrder = on.order ?? 0;
      if (target.lowerHalf) newOrder = Math.max(0, newOrder + 1);
      if (Number.isNaN(newOrder)) newOrder = 0;
    }
    let current = newOrder + 1;
    for (const [otherId, other] of this.tasksOf(task.list)) {
      if (otherId === id) continue;
      let order = other.order ?? 0;
      if (Number.isNaN(order)) order = current;
      if (order < newOrder) continue;
      current++;
      if (order > current) break;
      other.order = current;
      this.saveTask(otherId, 'moveTask (renumber)');
    }
    task.order = newOrder;
    this.saveTask(id, 'moveTask');
  }

  private saveTask(id: string, op: string): void {
    const task = this.tasks.get(id)!;
    this.publish(id, taskXml(task), op, taskWrites(task));
  }

  /** `_save`: one publish, not awaited by the user interface; errors are only logged. */
  private publish(id: string | undefined, payload: string, op: string, fields: Array<Pick<Write, 'field' | 'value'>>): void {
    const client = this.client;
    if (!client || !this.ready) return;
    const issuedAt = Date.now();
    const writes = id === undefined ? [] : fields.map((f) => this.oracle.record({ client: this.name, op, item: id, issuedAt, ...f }));
    client.publish(this.roomJid, TASKS_NODE, `${payload}`, id).then(
      (reply) => {
        const ok = reply.getAttribute('type') === 'result';
        const newId = id ?? (ok ? publishedId(reply) : undefined);
        if (id === undefined && newId) {
          for (const f of fields) this.oracle.record({ client: this.name, op, item: newId, issuedAt, ...f }, Date.now());
        }
        for (const w of writes) this.oracle.settle(w, ok);
      },
      () => writes.forEach((w) => this.oracle.settle(w, false)),
    );
  }

  private retract(id: string, op: string): void {
    const client = this.client;
    if (!client || !this.ready) return;
    const write = this.oracle.record({ client: this.name, op, item: id, field: 'exists', value: false, issuedAt: Date.now() });
    client.retract(this.roomJid, TASKS_NODE, id, '1').then(
      (reply) => this.oracle.settle(write, reply.getAttribute('type') === 'result'),
      () => this.oracle.settle(write, false),
    );
  }
}

/** `_save` of a task: attributes done (only when true), list, order; then name and description. */
function taskXml(task: OfficialTask): string {
  const attrs = `${task.done ? ' done="true"' : ''} list="${xmlEscape(task.list)}" order="${task.order}"`;
  const description = task.description === undefined ? '' : `<description>${xmlEscape(task.description)}</description>`;
  return `<task xmlns="${NS_TASK}"${attrs}><name>${xmlEscape(task.name)}</name>${description}</task>`;
}

function taskWrites(task: OfficialTask): Array<Pick<Write, 'field' | 'value'>> {
  return [
    { field: 'exists', value: true },
    { field: 'name', value: task.name },
    { field: 'description', value: task.description || undefined },
    { field: 'done', value: task.done },
    { field: 'list', value: task.list },
  ];
}
