// A moderator using the extension: the engine the worker runs, driven only
// through its public API (watch a room, submit edits, read the view), as a
// panel would. Its connection goes through a NetworkLink that faults cut; a
// worker restart is a new Engine on a copy of the storage as it was at that
// moment (a killed worker writes nothing more).
import type { Edit, RoomRef, RoomView } from '../../src/core/types';
import type { TestBackend } from '../helpers/backend';
import { addUser, makeEngine, MemoryKV, NetworkLink, openLive, type TestEngine } from '../integration/engine/harness';
import type { Field, Oracle, Write } from './oracle';

type Spec = Array<{ field: Field; value: unknown; blockerOnly?: boolean }>;

/** The fields an edit writes, for the oracle. Republishing edits may also resurrect an item: a blocker, never checked. */
function writesOf(edit: Edit): Spec {
  const resurrect = { field: 'exists' as const, value: true, blockerOnly: true };
  switch (edit.op) {
    case 'createList':
      return [
        { field: 'exists', value: true },
        { field: 'name', value: edit.name },
      ];
    case 'renameList':
      return [resurrect, { field: 'name', value: edit.name }];
    case 'deleteList':
    case 'deleteTask':
      return [{ field: 'exists', value: false }];
    case 'createTask':
      return [
        { field: 'exists', value: true },
        { field: 'name', value: edit.name },
        { field: 'description', value: edit.description },
        { field: 'done', value: false },
        { field: 'list', value: edit.list },
      ];
    case 'editTask':
      return [resurrect, { field: 'name', value: edit.name }, { field: 'description', value: edit.description }];
    case 'setDone':
      return [resurrect, { field: 'done', value: edit.done }];
    case 'moveTask':
      return [resurrect, { field: 'list', value: edit.list }];
    case 'restore':
      // one write per item, several items: the oracle's spec is per edit
      throw new Error('the soak does not undo');
  }
}

export interface EditOutcome {
  edit: Edit;
  ok: boolean;
  error?: string;
  /** the view had the item the edit is about when it was made */
  targetShown: boolean;
}

export class EngineClient {
  t!: TestEngine;
  ref!: RoomRef;
  private stopWatch: (() => void) | undefined;
  /** pending edit id → the writes it carries, settled when it leaves the queue */
  private readonly tracked = new Map<string, Write[]>();
  /** edits that left the queue: a restarted worker may find them in its copy of the queue and send them again */
  private readonly left = new Map<string, Write[]>();
  /** edits sent again by a restarted worker after the old one had them done */
  replays = 0;
  /** temporary id of a creation made offline → the name its creator last gave it */
  private readonly localNames = new Map<string, { kind: 'list' | 'task'; name: string; pendingId: string }>();
  /** creations made offline not found under their name when published (renamed or deleted in the same burst): looked up on the server at the end */
  readonly unresolved = new Map<string, string>();
  /** pending edit id → the temporary id of the creation it is about, until the view shows that item's server id */
  private readonly onLocal = new Map<string, string>();
  /** temporary ids whose server id is known */
  private readonly learnt = new Set<string>();
  private lastProblem = '';
  workerRestarts = 0;
  lastWorkerRestart = 0;
  /** what the panel shows: the last view pushed to it (it outlives a worker restart until the new worker pushes) */
  private shown: RoomView | undefined;
  private panelCatchesUpAt = 0;
  private lastPushed: RoomView | undefined;
  /** ids of items this user created lately, most recent last: people edit what they just made */
  readonly recent: string[] = [];

  private constructor(
    readonly name: string,
    readonly link: NetworkLink,
    private readonly oracle: Oracle,
  ) {}

  static async start(name: string, backend: TestBackend, roomJid: string, oracle: Oracle): Promise<EngineClient> {
    const client = new EngineClient(name, await NetworkLink.to(backend.port), oracle);
    client.t = makeEngine();
    const account = await addUser(client.t, backend, name, client.link.url(backend.wsUrl));
    client.ref = { account, jid: roomJid };
    await openLive(client.t, client.ref);
    client.panel();
    return client;
  }

  view(): RoomView {
    return this.t.engine.view(this.ref)!;
  }

  /**
   * The view the user acts on: the panel's. After a worker restart the panel
   * shows the old worker's last view until its port is connected again.
   */
  panelView(): RoomView {
    if (Date.now() >= this.panelCatchesUpAt) this.shown = this.lastPushed;
    return this.shown ?? this.view();
  }

  /** A panel watching the room: keeps it joined and follows the queue. */
  private panel(): void {
    this.stopWatch = this.t.engine.watch(this.ref, (view) => this.onView(view));
  }

  private onView(view: RoomView): void {
    const previous = this.lastPushed;
    this.lastPushed = view;
    const problem = JSON.stringify(view.problem ?? null);
    const newFailure = problem !== this.lastProblem && view.problem?.code === 'edit-failed';
    this.lastProblem = problem;
    const pending = new Set(view.pending.map((p) => p.id));
    for (const [id, writes] of this.tracked) {
      if (pending.has(id)) continue;
      this.tracked.delete(id);
      this.left.set(id, writes);
      const ok = view.rights === 'moderator' && !newFailure;
      for (const w of writes) this.oracle.settle(w, ok);
    }
    for (const id of pending) {
      const writes = this.left.get(id);
      if (!writes) continue;
      this.left.delete(id);
      this.tracked.set(id, writes);
      this.replays++;
      for (const w of writes) this.oracle.reopen(w);
    }
    // An edit queued behind an offline creation shows the creation's server id once it is known.
    for (const p of view.pending) {
      const localId = this.onLocal.get(p.id);
      if (localId && !p.itemId.startsWith('local:')) this.learn(localId, p.itemId);
    }
    for (const [localId, local] of this.localNames) {
      if (pending.has(local.pendingId)) continue;
      this.localNames.delete(localId);
      if (this.learnt.has(localId)) continue;
      const shown = local.kind === 'list' ? view.items.lists : view.items.tasks;
      const before = (previous && (local.kind === 'list' ? previous.items.lists : previous.items.tasks)) ?? {};
      // The item the creation became: the one of its name; or else (renamed by
      // someone else at once) the one item of its kind new in this view, unless
      // our own later edits on it are still to tell (a deletion in the same burst).
      const byName = Object.values(shown).find((item) => item.name === local.name && !item.id.startsWith('local:'));
      const newcomers = Object.keys(shown).filter((id) => !before[id] && !id.startsWith('local:'));
      const ownEditsWaiting = [...this.onLocal.values()].includes(localId);
      const found = byName?.id ?? (newcomers.length === 1 && !ownEditsWaiting ? newcomers[0] : undefined);
      if (found) this.learn(localId, found);
      else this.unresolved.set(localId, local.name);
    }
    // (after: an edit of ours on a creation, gone in the same push, still marks it above)
    for (const id of this.onLocal.keys()) if (!pending.has(id)) this.onLocal.delete(id);
  }

  private learn(localId: string, serverId: string): void {
    this.learnt.add(localId);
    this.unresolved.delete(localId);
    this.oracle.alias(localId, serverId);
  }

  /** Submits an edit as the panel does, and tells the oracle what it writes and when the server has it. */
  async edit(edit: Edit): Promise<EditOutcome> {
    const before = new Set(this.view().pending.map((p) => p.id));
    const target = 'id' in edit ? edit.id : edit.op === 'createTask' ? edit.list : '';
    const shown = this.panelView().items;
    const targetShown = !target || !!shown.lists[target] || !!shown.tasks[target];
    const issuedAt = Date.now();
    const reply = await this.t.engine.edit(this.ref, edit);
    const spec = writesOf(edit);
    const item = reply.ok ? reply.value.itemId : 'id' in edit ? edit.id : '';
    const outcome: EditOutcome = {
      edit,
      ok: reply.ok,
      targetShown,
      ...(reply.ok ? {} : { error: `${reply.error.code}: ${reply.error.detail ?? ''}` }),
    };
    if (!item) return outcome;
    if (reply.ok && (edit.op === 'createList' || edit.op === 'createTask')) {
      this.recent.push(item);
      if (this.recent.length > 5) this.recent.shift();
    }
    const writes = spec.map((s) => this.oracle.record({ client: this.name, op: edit.op, item, issuedAt, ...s }));
    const added = this.view().pending.filter((p) => !before.has(p.id));
    if (!reply.ok) writes.forEach((w) => this.oracle.settle(w, false));
    else if (added.length === 0) writes.forEach((w) => this.oracle.settle(w, true));
    else this.tracked.set(added[added.length - 1]!.id, writes);
    if (reply.ok && item.startsWith('local:') && added.length > 0 && (edit.op === 'createList' || edit.op === 'createTask')) {
      this.localNames.set(item, {
        kind: edit.op === 'createList' ? 'list' : 'task',
        name: edit.name,
        pendingId: added[added.length - 1]!.id,
      });
    }
    const onItem = 'id' in edit ? edit.id : '';
    if (reply.ok && onItem.startsWith('local:') && !this.learnt.has(onItem) && added.length > 0) {
      this.onLocal.set(added[added.length - 1]!.id, onItem);
    }
    if (reply.ok && (edit.op === 'renameList' || edit.op === 'editTask') && this.localNames.has(edit.id)) {
      this.localNames.get(edit.id)!.name = edit.name;
    }
    return outcome;
  }

  /** The worker is stopped without warning and a new one starts on what storage had at that moment. */
  async restartWorker(panelLagMs: number): Promise<void> {
    this.shown = this.panelView();
    this.panelCatchesUpAt = Date.now() + panelLagMs;
    const local = copyKV(this.t.local);
    const session = copyKV(this.t.session);
    this.stopWatch?.();
    const old = this.t;
    this.t = makeEngine({ local, session });
    this.workerRestarts++;
    this.lastWorkerRestart = Date.now();
    await this.t.engine.restore();
    this.panel();
    await old.close();
  }

  async close(): Promise<void> {
    this.stopWatch?.();
    await this.t.close();
    await this.link.close();
  }
}

function copyKV(kv: MemoryKV): MemoryKV {
  const copy = new MemoryKV();
  for (const [k, v] of kv.data) copy.data.set(k, structuredClone(v));
  return copy;
}
