// Server benchmark: our Prosody module on loopback, measured with the independent raw client.
//   node bench/server.mjs [--quick] [--out FILE]
// For node sizes 10, 1,000 and 5,000 items: acknowledged publishes per second (one request
// in flight, as a client does), publish → notification latency (p50/p95), replace and retract
// latency; fan-out latency to 50 subscribed admins; time to retrieve 5,000 items.
// Everything runs twice: with Nagle's algorithm off (what the backend uses) and on.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { startBackend } from '../server/backend.mjs';

const NODE = 'livechat-tasks';
const SIZES = [10, 1000, 5000];
const FANOUT_ADMINS = 50;

const { module: raw } = await runnerImport(fileURLToPath(new URL('../test/helpers/raw-client.ts', import.meta.url)));
const { RawXmppClient, child, itemsOf, errorOf } = raw;

// The raw client parses every reply into a DOM: a full node makes megabytes of garbage in
// this process. Collecting it before each timed retrieval keeps our own pauses out of the
// server's figures.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const round = (n) => Math.round(n * 100) / 100;
const summary = (values) => ({ p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), n: values.length });

const taskXml = (name) =>
  `<task xmlns="urn:peertube-plugin-livechat:task" list="bench" order="1"><name>${name}</name><description>Benchmark item with a description of ordinary length.</description></task>`;

// CPU time Prosody used (user + system), from /proc: unlike wall-clock latencies it does not
// depend on what else the machine runs. Linux clock ticks are 10 ms.
function serverCpuMs(backend) {
  const fields = readFileSync(`/proc/${backend.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const forget = (...clients) => clients.forEach((client) => client.forgetReceived());

function ensureResult(reply) {
  const error = errorOf(reply);
  if (error) throw new Error(`server answered ${error.type}/${error.condition}`);
  return reply;
}

async function prefill(client, room, count, prefix) {
  const window = 200;
  for (let start = 0; start < count; start += window) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + window); i++)
      batch.push(client.publish(room, NODE, taskXml(`${prefix}-${i}`), `${prefix}-${i}`));
    (await Promise.all(batch)).forEach(ensureResult);
    forget(client);
  }
}

function notificationFor(client, room, predicate) {
  return client.waitFor(
    (s) => s.localName === 'message' && s.getAttribute('from') === room && predicate(child(child(s, 'event'), 'items')),
  );
}

/** Sequential operations on a node that starts with `size` items (at 5,000, each new item evicts the oldest), timed from send to ack and to the observer's notification. */
async function measureAtSize(backend, size, operations) {
  const connect = (username) => RawXmppClient.connect({ wsUrl: backend.wsUrl, username, password: `${username}-pw` });
  const room = `bench-${size}-${Date.now()}@${backend.mucDomain}`;
  const owner = await connect('owner');
  const observer = await connect('admin0');
  await owner.joinRoom(room, 'owner');
  await owner.setAffiliation(room, observer.bareJid, 'admin');
  await observer.joinRoom(room, 'observer');
  ensureResult(await observer.subscribe(room, NODE));
  // The node starts with its first task list.
  await prefill(owner, room, size - 1, 'fill');

  const retrieval = [];
  let retrievedItems = 0;
  const retrievalCpuStart = serverCpuMs(backend);
  for (let i = 0; i < 16; i++) {
    collectGarbage();
    const t0 = performance.now();
    const reply = ensureResult(await owner.getItems(room, NODE));
    retrieval.push(owner.arrivalTime(reply) - t0);
    retrievedItems = itemsOf(reply).length;
    forget(owner, observer);
  }
  const retrievalCpuMs = (serverCpuMs(backend) - retrievalCpuStart) / retrieval.length;

  const publishAck = [];
  const publishNotify = [];
  const publishCpuStart = serverCpuMs(backend);
  const started = performance.now();
  for (let i = 0; i < operations; i++) {
    const id = `new-${i}`;
    const notified = notificationFor(observer, room, (items) => child(items, 'item')?.getAttribute('id') === id);
    const t0 = performance.now();
    const reply = ensureResult(await owner.publish(room, NODE, taskXml(id), id));
    publishAck.push(owner.arrivalTime(reply) - t0);
    publishNotify.push(observer.arrivalTime(await notified) - t0);
    forget(owner, observer);
  }
  const publishesPerSecond = operations / ((performance.now() - started) / 1000);
  const publishCpuMs = (serverCpuMs(backend) - publishCpuStart) / operations;

  const replaceAck = [];
  for (let i = 0; i < operations; i++) {
    const t0 = performance.now();
    const reply = ensureResult(await owner.publish(room, NODE, taskXml(`replaced-${i}`), `new-${i}`));
    replaceAck.push(owner.arrivalTime(reply) - t0);
    forget(owner, observer);
  }

  const retractNotify = [];
  for (let i = 0; i < operations; i++) {
    const id = `new-${i}`;
    const notified = notificationFor(observer, room, (items) => child(items, 'retract')?.getAttribute('id') === id);
    const t0 = performance.now();
    ensureResult(await owner.retract(room, NODE, id, '1'));
    retractNotify.push(observer.arrivalTime(await notified) - t0);
    forget(owner, observer);
  }

  owner.close();
  observer.close();
  return {
    size,
    publishesPerSecond: round(publishesPerSecond),
    serverCpuMsPerPublish: round(publishCpuMs),
    publishAckMs: summary(publishAck),
    publishToNotificationMs: summary(publishNotify),
    replaceAckMs: summary(replaceAck),
    retractToNotificationMs: summary(retractNotify),
    retrievalMs: { ...summary(retrieval), items: retrievedItems },
    serverCpuMsPerRetrieval: round(retrievalCpuMs),
  };
}

async function measureFanout(backend, rounds) {
  const connect = (username) => RawXmppClient.connect({ wsUrl: backend.wsUrl, username, password: `${username}-pw` });
  const room = `bench-fanout-${Date.now()}@${backend.mucDomain}`;
  const owner = await connect('owner');
  await owner.joinRoom(room, 'owner');
  const admins = [];
  for (let i = 0; i < FANOUT_ADMINS; i++) {
    const admin = await connect(`admin${i}`);
    await owner.setAffiliation(room, admin.bareJid, 'admin');
    await admin.joinRoom(room, `admin${i}`);
    ensureResult(await admin.subscribe(room, NODE));
    admins.push(admin);
  }
  const lastReceiver = [];
  const medianReceiver = [];
  for (let i = 0; i < rounds; i++) {
    const id = `fan-${i}`;
    const notified = admins.map((admin) =>
      notificationFor(admin, room, (items) => child(items, 'item')?.getAttribute('id') === id).then((message) =>
        admin.arrivalTime(message),
      ),
    );
    const t0 = performance.now();
    ensureResult(await owner.publish(room, NODE, taskXml(id), id));
    const arrivals = (await Promise.all(notified)).map((t) => t - t0);
    forget(owner, ...admins);
    lastReceiver.push(Math.max(...arrivals));
    medianReceiver.push(percentile(arrivals, 50));
  }
  owner.close();
  admins.forEach((admin) => admin.close());
  return { subscribers: FANOUT_ADMINS, lastSubscriberMs: summary(lastReceiver), medianSubscriberMs: summary(medianReceiver) };
}

async function runOnce({ nagle, operations, fanoutRounds }) {
  const users = [{ username: 'owner', password: 'owner-pw' }];
  for (let i = 0; i < FANOUT_ADMINS; i++) users.push({ username: `admin${i}`, password: `admin${i}-pw` });
  const backend = await startBackend({
    users,
    nagle,
    log: (line) => /\berror\b/.test(line) && process.stderr.write(`[prosody] ${line}\n`),
  });
  try {
    const sizes = [];
    for (const size of SIZES) sizes.push(await measureAtSize(backend, size, operations));
    const small = sizes[0].publishToNotificationMs.p50;
    const full = sizes.at(-1).publishToNotificationMs.p50;
    return {
      nagle: nagle ? 'on' : 'off',
      sizes,
      fanout: await measureFanout(backend, fanoutRounds),
      propagationP50RatioFullVsSmall: round(full / small),
    };
  } finally {
    await backend.stop();
  }
}

/** Runs the server benchmark and returns its results (used by bench/run.mjs too). */
export async function runServerBench({ quick = false } = {}) {
  const settings = quick ? { operations: 50, fanoutRounds: 10 } : { operations: 300, fanoutRounds: 40 };
  const runs = [];
  for (const nagle of [false, true]) runs.push(await runOnce({ nagle, ...settings }));
  return {
    name: 'server',
    date: new Date().toISOString(),
    backendUses: 'nagle off (network_settings = { nagle = false })',
    operationsPerSize: settings.operations,
    runs,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } } });
  const results = await runServerBench({ quick: values.quick });
  const json = JSON.stringify(results, null, 2);
  if (values.out) writeFileSync(values.out, `${json}\n`);
  console.log(json);
}
