// The soak: three moderators edit one room at once on a real Prosody, two
// with our engine and one as the official client, while faults hit them at
// random moments. At the end, after quiet, everyone must see what the server
// has, and no acknowledged edit may be missing (oracle.ts).
import { passwordOf, startTestBackend } from '../helpers/backend';
import { NetworkLink } from '../helpers/network-link';
import { chooseEdit, officialOp } from './choose';
import { describeState, differences, officialDifferences, settledView } from './compare';
import { EngineClient } from './engine-client';
import { OfficialClient } from './official-client';
import { Oracle } from './oracle';
import { Prng } from './prng';
import { asOwner, keepsUnknownData, seedItems, setAffiliation } from './room-owner';
import { fetchServerItems } from './server-items';

export interface SoakOptions {
  seconds: number;
  seed: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  seed: number;
  seconds: number;
  edits: Record<string, number>;
  faults: Record<string, number>;
  checkedWrites: number;
  /** edits a restarted worker sent again though the old one had them done */
  replayedEdits: number;
  /** the longest an engine took to answer an edit, and which */
  slowestReply: { ms: number; edit: string };
  findings: string[];
}

const ENGINE_USERS = ['alice', 'bob'] as const;
const OFFICIAL_USER = 'carol';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => {});
  const report: SoakReport = {
    seed: options.seed,
    seconds: options.seconds,
    edits: {},
    faults: {},
    checkedWrites: 0,
    replayedEdits: 0,
    slowestReply: { ms: 0, edit: '' },
    findings: [],
  };
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
        const _workerView = client.view();
        const shownList = 'id' in edit ? client.panelView().items.tasks[edit.id]?.list : undefined;
        const asked = Date.now();
        const outcome = await client.edit(edit);
        const took = Date.now() - asked;
        if (took > report.slowestReply.ms)
          report.slowestReply = { ms: took, edit: `${client.name} ${edit.op} at ${new Date(asked).toISOString()}` };
        // A refusal of an edit on something the user saw, while our rights and the item are intact, is a lost edit.
        if (!outcome.ok && outcome.targetShown && !revoked.has(client.name) && /no-such-(list|task)/.test(outcome.error ?? '')) {
          const target = 'id' in edit ? edit.id : edit.op === 'createTask' ? edit.list : '';
          // the task's list as the user saw it counts too: deleting a list deletes its tasks
          const deleted = oracle.everDeleted(target) || (shownList !== undefined && oracle.everDeleted(shownList));
          const restarted = client.lastWorkerRestart ? `, ${Date.now() - client.lastWorkerRestart} ms after a worker restart` : '';
          if (!deleted)
            report.findings.push(
              `${client.name}: ${edit.op} refused (${outcome.error}) at ${new Date(asked).toISOString()} though nobody deleted ${target}${restarted}`,
            );
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
        log(
          `soak: fault ${fault} (${['serverRestart'].includes(fault) ? 'all' : ['workerRestart', 'refuse'].includes(fault) ? engine.name : who.name}) at ${new Date().toISOString()}`,
        );
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
            // on a loaded machine Prosody may start slower than the backend waits: start it again, for up to 2 minutes
            restarting = (async () => {
              const giveUpAt = Date.now() + 120_000;
              for (let attempt = 1; ; attempt++) {
                try {
                  return await backend.restart();
                } catch (e) {
                  log(`soak: the server did not come back (${String(e).split('\n')[0]}), attempt ${attempt}`);
                  if (Date.now() > giveUpAt) throw e;
                }
              }
            })();
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
    const started = deadline - options.seconds * 1000;
    const since = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    log(`soak: quiet at ${since()}`);
    await restarting;
    for (const c of engines) c.link.restore();
    officialLink.restore();
    while (revoked.size > 0) await sleep(100);
    const settled = await until(async () => engines.every((c) => settledView(c.view())) && official!.ready, 60_000);
    if (!settled) {
      for (const c of engines) report.findings.push(`${c.name} never settled: ${describeState(c.view())}`);
      if (!official.ready) report.findings.push(`${official.name} never reconnected`);
    }
    log(`soak: settled at ${since()}`);
    // notifications of the last edits are on their way
    const fetchItems = () => asOwner(backend, roomJid, (owner) => fetchServerItems(owner, roomJid));
    let server = await fetchItems();
    await until(async () => {
      server = await fetchItems();
      return engines.every((c) => differences(server, c.view()).length === 0) && officialDifferences(server, official!).length === 0;
    }, 15_000);

    log(`soak: compared at ${since()}`);
    for (const c of engines) {
      for (const d of differences(server, c.view())) report.findings.push(`${c.name}'s view differs from the server: ${d}`);
      const summary = c.t.engine.accounts()[0];
      if (summary?.status !== 'live')
        report.findings.push(`${c.name}'s account is ${summary?.status} (${JSON.stringify(summary?.problem)})`);
    }
    for (const d of officialDifferences(server, official)) report.findings.push(`${official.name}'s view differs from the server: ${d}`);
    const names = new Map<string, number>();
    for (const item of server.values()) names.set(item.name ?? '', (names.get(item.name ?? '') ?? 0) + 1);
    for (const [name, n] of names) if (n > 1) report.findings.push(`"${name}" is on the server ${n} times (duplicated by a replay?)`);
    for (const id of seeded) {
      const item = server.get(id);
      // the official client republishes only what it knows: after it, the data may be gone
      const republishedByOfficial = oracle.writes.some(
        (w) => w.client === OFFICIAL_USER && w.item === id && w.field === 'exists' && w.value === true,
      );
      if (item && !republishedByOfficial && !keepsUnknownData(item)) {
        report.findings.push(`unknown data of ${id} lost: ${JSON.stringify(item)}`);
      }
    }
    for (const c of engines) {
      for (const [localId, name] of c.unresolved) {
        const found = [...server].find(([, item]) => item.name === name);
        log(`soak: ${c.name}'s offline creation ${localId} "${name}" ${found ? `is ${found[0]}` : 'is not on the server'}`);
        if (found) oracle.alias(localId, found[0]);
      }
    }
    report.replayedEdits = engines.reduce((sum, c) => sum + c.replays, 0);
    const { lost, checked, unresolved } = oracle.lostWrites(server);
    report.checkedWrites = checked;
    for (const { text } of lost) report.findings.push(text);
    log(`soak: ${server.size} items at the end; ${checked} acknowledged writes checked, ${unresolved} of offline creations never resolved`);
    return report;
  } finally {
    official?.stop();
    for (const c of engines) await c.close();
    await officialLink?.close();
    await backend.stop();
  }
}

async function until(ok: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await ok()) return true;
    await sleep(250);
  }
  return ok();
}
