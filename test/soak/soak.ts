// The soak: three moderators edit one room at once on a real Prosody, two
// with our engine and one as the official client, while faults hit them at
// random moments. At the end, after quiet, everyone must see what the server
// has, and no acknowledged edit may be missing (oracle.ts).
import type { Edit, RoomView } from '../../src/core/types';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { NetworkLink } from '../integration/engine/harness';
import { passwordOf } from '../helpers/backend';
import type { RawXmppClient } from '../helpers/raw-client';
import { EngineClient } from './engine-client';
import { NS_TASK, NS_TASKLIST, OfficialClient, TASKS_NODE } from './official-client';
import { Oracle } from './oracle';
import { Prng } from './prng';
import { fetchServerItems, type ServerItems } from './server-items';

export interface SoakOptions {
  seconds: number;
  seed: number;
  /** known bugs not fixed yet fail the run too */
  strict?: boolean;
  log?: (line: string) => void;
}

export interface SoakReport {
  seed: number;
  seconds: number;
  edits: Record<string, number>;
  faults: Record<string, number>;
  checkedWrites: number;
  findings: string[];
  /** findings that match a known bug not fixed yet (KNOWN_UNFIXED) */
  known: string[];
}

/**
 * Bugs found and pinned by a `test.fails` in soak-regressions.test.ts but not
 * fixed yet: the soak reports them without failing (unless strict). Remove an
 * entry with its fix.
 */
const KNOWN_UNFIXED = {
  /** issue 18, finding 1: an edit right after a worker restart on an item newer than the cache is refused locally */
  editAfterWorkerRestart: true,
};

const ENGINE_USERS = ['alice', 'bob'] as const;
const OFFICIAL_USER = 'carol';
const OWNER = 'erin';
/** Unknown data another client put on items: ours must keep it. */
const UNKNOWN_ATTR = 'x-soak';
const UNKNOWN_NS = 'urn:example:soak';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => {});
  const report: SoakReport = { seed: options.seed, seconds: options.seconds, edits: {}, faults: {}, checkedWrites: 0, findings: [], known: [] };
  const count = (where: Record<string, number>, key: string) => (where[key] = (where[key] ?? 0) + 1);
  const backend = await startTestBackend();
  const oracle = new Oracle();
  const engines: EngineClient[] = [];
  let official: OfficialClient | undefined;
  let officialLink: NetworkLink | undefined;
  let names = 0;
  const uniqueName = (who: string, what: string) => `${what} ${++names} by ${who}`;
  try {
    const roomJid = backend.newRoomJid();
    for (const user of [...ENGINE_USERS, OFFICIAL_USER]) await setAffiliation(backend, roomJid, user, 'admin');
    const seeded = await asOwner(backend, roomJid, (owner) => seedItems(owner, roomJid, oracle));
    for (const user of ENGINE_USERS) engines.push(await EngineClient.start(user, backend, roomJid, oracle));
    officialLink = await NetworkLink.to(backend.port);
    official = new OfficialClient(OFFICIAL_USER, OFFICIAL_USER, passwordOf(OFFICIAL_USER), roomJid, officialLink, backend.wsUrl, oracle);
    await official.ensureConnected();
    log(`soak: seed ${options.seed}, ${options.seconds} s, room ${roomJid}`);

    const deadline = Date.now() + options.seconds * 1000;
    const running = () => Date.now() < deadline;
    /** rights taken away for a while ("publish refused"), per engine user */
    const revoked = new Set<string>();
    let restarting: Promise<void> | undefined;

    const engineActor = async (client: EngineClient, prng: Prng) => {
      while (running()) {
        await sleep(prng.int(30, 400));
        if (!running()) break;
        const edit = chooseEdit(client.panelView(), prng, (what) => uniqueName(client.name, what), client.recent);
        if (!edit) continue;
        count(report.edits, `${client.name} ${edit.op}`);
        const workerView = client.view();
        const outcome = await client.edit(edit);
        // A refusal of an edit on something the user saw, while our rights and the item are intact, is a lost edit.
        if (!outcome.ok && outcome.targetShown && !revoked.has(client.name) && /no-such-(list|task)/.test(outcome.error ?? '')) {
          const target = 'id' in edit ? edit.id : edit.op === 'createTask' ? edit.list : '';
          const deleted = oracle.writes.some((w) => w.field === 'exists' && w.value === false && oracle.resolve(w.item) === oracle.resolve(target));
          const finding = `${client.name}: ${edit.op} refused (${outcome.error}) though nobody deleted ${target}, ${Date.now() - client.lastWorkerRestart} ms after a worker restart`;
          const afterRestart = !workerView.items.lists[target] && !workerView.items.tasks[target] && Date.now() - client.lastWorkerRestart < 15_000;
          if (deleted) continue;
          if (afterRestart && KNOWN_UNFIXED.editAfterWorkerRestart && !options.strict) report.known.push(`issue 18 finding 1: ${finding}`);
          else report.findings.push(finding);
        }
      }
    };

    const officialActor = async (client: OfficialClient, prng: Prng) => {
      while (running()) {
        await sleep(prng.int(100, 700));
        if (!running() || !client.ready) continue;
        const op = officialOp(client, prng, (what) => uniqueName(client.name, what));
        if (op) count(report.edits, `${client.name} ${op}`);
      }
    };

    const faultActor = async (prng: Prng) => {
      while (running()) {
        await sleep(prng.int(2_000, 8_000));
        if (!running()) break;
        const fault = prng.weighted({ drop: 3, offline: 3, workerRestart: 3, serverRestart: 1, refuse: 2 });
        const who = prng.pick([...engines, official!])!;
        const engine = prng.pick(engines)!;
        switch (fault) {
          case 'drop':
            count(report.faults, `session dropped (${who.name})`);
            if (who instanceof EngineClient) {
              who.link.cut();
              who.link.restore();
            } else who.dropSession();
            break;
          case 'offline': {
            const ms = prng.int(1_000, 10_000);
            count(report.faults, `offline 1-10 s (${who.name})`);
            const link = who instanceof EngineClient ? who.link : officialLink!;
            link.cut();
            if (who instanceof OfficialClient) who.dropSession();
            setTimeout(() => link.restore(), ms);
            break;
          }
          case 'workerRestart':
            count(report.faults, `worker restarted (${engine.name})`);
            await engine.restartWorker(prng.int(0, 1_000));
            break;
          case 'serverRestart':
            count(report.faults, 'server restarted');
            restarting = backend.restart();
            await restarting;
            restarting = undefined;
            break;
          case 'refuse': {
            // the owner takes the admin right away for a while: publishes are refused (forbidden)
            if (revoked.has(engine.name)) break;
            count(report.faults, `publishes refused (${engine.name})`);
            revoked.add(engine.name);
            const ms = prng.int(500, 3_000);
            await setAffiliation(backend, roomJid, engine.name, 'member');
            setTimeout(() => void setAffiliation(backend, roomJid, engine.name, 'admin').then(() => revoked.delete(engine.name)), ms);
            break;
          }
        }
      }
    };

    const root = new Prng(options.seed);
    await Promise.all([
      ...engines.map((c) => engineActor(c, new Prng(root.int(0, 2 ** 31)))),
      officialActor(official, new Prng(root.int(0, 2 ** 31))),
      faultActor(new Prng(root.int(0, 2 ** 31))),
    ]);

    // quiet: every fault healed, every queue drained
    log('soak: quiet');
    await restarting;
    for (const c of engines) c.link.restore();
    officialLink.restore();
    while (revoked.size > 0) await sleep(100);
    const settled = await until(async () => engines.every((c) => settledView(c.view())) && official!.ready, 60_000);
    if (!settled) {
      for (const c of engines) report.findings.push(`${c.name} never settled: ${describeState(c.view())}`);
      if (!official.ready) report.findings.push(`${official.name} never reconnected`);
    }
    // notifications of the last edits are on their way
    const fetchItems = () => asOwner(backend, roomJid, (owner) => fetchServerItems(owner, roomJid));
    let server = await fetchItems();
    await until(async () => {
      server = await fetchItems();
      return engines.every((c) => differences(server, c.view()).length === 0) && officialDifferences(server, official!).length === 0;
    }, 15_000);

    for (const c of engines) {
      for (const d of differences(server, c.view())) report.findings.push(`${c.name}'s view differs from the server: ${d}`);
      const summary = c.t.engine.accounts()[0];
      if (summary?.status !== 'live') report.findings.push(`${c.name}'s account is ${summary?.status} (${JSON.stringify(summary?.problem)})`);
    }
    for (const d of officialDifferences(server, official)) report.findings.push(`${official.name}'s view differs from the server: ${d}`);
    const names = new Map<string, number>();
    for (const item of server.values()) names.set(item.name ?? '', (names.get(item.name ?? '') ?? 0) + 1);
    for (const [name, n] of names) if (n > 1) report.findings.push(`"${name}" is on the server ${n} times (duplicated by a replay?)`);
    for (const id of seeded) {
      const item = server.get(id);
      const republishedByOfficial = oracle.writes.some((w) => w.client === OFFICIAL_USER && w.item === id && w.value !== false);
      if (item && !republishedByOfficial && (!item.unknownAttrs.some((a) => a.startsWith(UNKNOWN_ATTR)) || !item.unknownChildren.some((c) => c.startsWith(UNKNOWN_NS)))) {
        report.findings.push(`unknown data of ${id} lost: ${JSON.stringify(item)}`);
      }
    }
    const { lost, checked, unresolved } = oracle.lostWrites(server);
    report.checkedWrites = checked;
    report.findings.push(...lost);
    log(`soak: ${server.size} items at the end; ${checked} acknowledged writes checked, ${unresolved} of offline creations never resolved`);
    return report;
  } finally {
    official?.stop();
    for (const c of engines) await c.close();
    await officialLink?.close();
    await backend.stop();
  }
}

// --- choosing edits ------------------------------------------------------------

/** An edit a user could make on what the panel shows; now and then on what they just created. */
function chooseEdit(view: RoomView, prng: Prng, name: (what: string) => string, recent: string[]): Edit | undefined {
  if (view.rights !== 'moderator' || !view.loaded) return undefined;
  const lists = Object.values(view.items.lists);
  const tasks = Object.values(view.items.tasks).filter((t) => view.items.lists[t.list]);
  const fresh = prng.chance(0.35) ? prng.pick(recent) : undefined;
  const list = (fresh && view.items.lists[fresh]) || prng.pick(lists);
  const task = (fresh && view.items.tasks[fresh]) || prng.pick(tasks);
  const op = prng.weighted({
    createList: lists.length < 3 ? 3 : lists.length < 6 ? 0.5 : 0,
    renameList: 1,
    deleteList: lists.length > 3 ? 0.5 : 0,
    createTask: tasks.length < 30 ? 4 : 0.5,
    editTask: 2,
    setDone: 3,
    moveTask: 3,
    deleteTask: tasks.length > 15 ? 2 : 0.3,
  });
  const description = () => (prng.chance(0.5) ? undefined : `about ${name('note')}`);
  switch (op) {
    case 'createList':
      return { op, name: name('list') };
    case 'renameList':
      return list && { op, id: list.id, name: name('list') };
    case 'deleteList':
      return list && { op, id: list.id };
    case 'createTask':
      return list && { op, list: list.id, name: name('task'), description: description() };
    case 'editTask':
      return task && { op, id: task.id, name: name('task'), description: description() };
    case 'setDone':
      return task && { op, id: task.id, done: !task.done };
    case 'moveTask': {
      const to = prng.chance(0.6) && task ? view.items.lists[task.list] : list;
      if (!task || !to) return undefined;
      const size = Object.values(view.items.tasks).filter((t) => t.list === to.id).length;
      return { op, id: task.id, list: to.id, index: prng.int(0, size) };
    }
    case 'deleteTask':
      return task && { op, id: task.id };
  }
}

function officialOp(client: OfficialClient, prng: Prng, name: (what: string) => string): string | undefined {
  const lists = [...client.lists.keys()];
  const tasks = [...client.tasks.keys()].filter((id) => client.lists.has(client.tasks.get(id)!.list));
  const list = prng.pick(lists);
  const task = prng.pick(tasks);
  const op = prng.weighted({
    createList: lists.length < 3 ? 2 : 0.3,
    renameList: 1,
    deleteList: lists.length > 3 ? 0.5 : 0,
    createTask: tasks.length < 30 ? 3 : 0.3,
    editTask: 2,
    setDone: 3,
    moveTask: 3,
    deleteTask: tasks.length > 15 ? 2 : 0.3,
  });
  const description = () => (prng.chance(0.5) ? '' : `about ${name('note')}`);
  if (op === 'createList') client.createList(name('list'));
  else if (op === 'createTask' && list) client.createTask(list, name('task'), description());
  else if (op === 'renameList' && list) client.renameList(list, name('list'));
  else if (op === 'deleteList' && list) client.deleteList(list);
  else if (op === 'editTask' && task) client.editTask(task, name('task'), description());
  else if (op === 'setDone' && task) client.toggleDone(task);
  else if (op === 'deleteTask' && task) client.deleteTask(task);
  else if (op === 'moveTask' && task) {
    const onTask = prng.pick(tasks);
    if (prng.chance(0.2) || !onTask) client.move(task, { list: list! });
    else client.move(task, { task: onTask, lowerHalf: prng.chance(0.5) });
  } else return undefined;
  return op;
}

// --- the room and its owner ------------------------------------------------------

/**
 * Something done by the room's owner (the streamer's chat), on a connection
 * of its own made for it, again if a server restart cut it.
 */
async function asOwner<T>(backend: TestBackend, roomJid: string, act: (owner: RawXmppClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let owner: RawXmppClient | undefined;
    try {
      owner = await backend.connect(OWNER);
      await owner.joinRoom(roomJid, OWNER);
      return await act(owner);
    } catch (e) {
      if (attempt >= 100) throw e;
      await sleep(300);
    } finally {
      owner?.close();
    }
  }
}

function setAffiliation(backend: TestBackend, roomJid: string, user: string, affiliation: string): Promise<void> {
  return asOwner(backend, roomJid, (owner) => owner.setAffiliation(roomJid, `${user}@${backend.domain}`, affiliation));
}

/** Two lists and six tasks carrying data the official client does not know; returns their ids. */
async function seedItems(owner: RawXmppClient, roomJid: string, oracle: Oracle): Promise<string[]> {
  const ids: string[] = [];
  const extra = (id: string) => `<soak-note xmlns="${UNKNOWN_NS}">keep ${id}</soak-note>`;
  for (const l of [1, 2]) {
    const id = `seed-list-${l}`;
    await owner.publish(roomJid, TASKS_NODE, `<tasklist xmlns="${NS_TASKLIST}" ${UNKNOWN_ATTR}="${id}"><name>Seeded list ${l}</name>${extra(id)}</tasklist>`, id);
    ids.push(id);
    for (const t of [1, 2, 3]) {
      const tid = `seed-task-${l}-${t}`;
      await owner.publish(roomJid, TASKS_NODE, `<task xmlns="${NS_TASK}" list="${id}" order="${t}" ${UNKNOWN_ATTR}="${tid}"><name>Seeded task ${l}.${t}</name>${extra(tid)}</task>`, tid);
      ids.push(tid);
    }
  }
  const at = Date.now();
  for (const id of ids) oracle.record({ client: OWNER, op: 'seed', item: id, field: 'exists', value: true, issuedAt: at }, at);
  return ids;
}

// --- comparing views -----------------------------------------------------------------

function settledView(view: RoomView): boolean {
  return view.status === 'live' && view.rights === 'moderator' && view.pending.length === 0 && view.loaded;
}

function describeState(view: RoomView): string {
  return JSON.stringify({ status: view.status, rights: view.rights, pending: view.pending.length, problem: view.problem });
}

/** What an engine's view shows that the server does not have, or the other way round. */
export function differences(server: ServerItems, view: RoomView): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [id, list] of Object.entries(view.items.lists)) {
    seen.add(id);
    const s = server.get(id);
    if (!s || s.kind !== 'list') out.push(`list ${id} "${list.name}" is not on the server`);
    else if (s.name !== list.name) out.push(`list ${id} is "${list.name}", the server says "${s.name}"`);
    else if (s.unknownAttrs.length !== Object.keys(list.unknown?.attrs ?? {}).length) out.push(`list ${id}: unknown data differs`);
  }
  for (const [id, task] of Object.entries(view.items.tasks)) {
    seen.add(id);
    const s = server.get(id);
    const mine = { name: task.name, description: task.description, done: task.done, list: task.list, order: task.order };
    const theirs = s && { name: s.name, description: s.description, done: s.done, list: s.list, order: s.order };
    if (!s || s.kind !== 'task') out.push(`task ${id} "${task.name}" is not on the server`);
    else if (JSON.stringify(mine) !== JSON.stringify(theirs)) out.push(`task ${id} is ${JSON.stringify(mine)}, the server has ${JSON.stringify(theirs)}`);
    else if (s.unknownAttrs.length !== Object.keys(task.unknown?.attrs ?? {}).length) out.push(`task ${id}: unknown data differs`);
  }
  for (const [id, s] of server) if (!seen.has(id)) out.push(`${s.kind} ${id} "${s.name}" is on the server, not in the view`);
  return out;
}

/**
 * The same for the official client, on the fields it knows. Its model keeps
 * a description a later update lacks (Backbone `save` merges), so a
 * description the server no longer has is not held against it.
 */
function officialDifferences(server: ServerItems, client: OfficialClient): string[] {
  const out: string[] = [];
  for (const [id, s] of server) {
    if (s.kind === 'list') {
      if (client.lists.get(id)?.name !== s.name) out.push(`list ${id} "${s.name}" is "${client.lists.get(id)?.name}"`);
      continue;
    }
    const t = client.tasks.get(id);
    const mine = t && { name: t.name, done: t.done, list: t.list, order: t.order, description: s.description === undefined ? undefined : t.description || undefined };
    const theirs = { name: s.name, done: s.done, list: s.list, order: s.order, description: s.description || undefined };
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) out.push(`task ${id} is ${JSON.stringify(mine)}, the server has ${JSON.stringify(theirs)}`);
  }
  for (const id of [...client.lists.keys(), ...client.tasks.keys()]) if (!server.has(id)) out.push(`${id} is not on the server`);
  return out;
}

async function until(ok: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await ok()) return true;
    await sleep(250);
  }
  return ok();
}
