// Fills a room's task node to the 5,000-item maximum (50 lists of 99 tasks)
// with a raw client that keeps many publishes in flight. The room's earlier
// items are the oldest, so the server's oldest-first eviction drops them.
import { publishRaw, taskListXml, taskXml } from '../../demo/muc.mjs';
import { connectAs } from './room.mjs';

export const LISTS = 50;
export const TASKS_PER_LIST = 99;
const IN_FLIGHT = 64;

async function pipelined(jobs, deadline) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      if (Date.now() > deadline) throw new Error(`filling the room took too long (${next} of ${jobs.length} publishes sent)`);
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return results;
}

/** Resolves with { items, ms } once every publish was acknowledged; throws past `timeoutMs`. */
export async function fillRoom(backend, room, { timeoutMs = 240_000 } = {}) {
  const client = await connectAs(backend, 'alice', 'bench-fill');
  const t0 = Date.now();
  const deadline = t0 + timeoutMs;
  try {
    const listIds = await pipelined(
      Array.from({ length: LISTS }, (_, l) => () => publishRaw(client, room, taskListXml(`List ${String(l + 1).padStart(2, '0')}`))),
      deadline,
    );
    const jobs = [];
    for (let t = 0; t < TASKS_PER_LIST; t++) {
      for (let l = 0; l < LISTS; l++) {
        jobs.push(() =>
          publishRaw(
            client,
            room,
            taskXml({
              list: listIds[l],
              name: `Task ${t + 1} of list ${l + 1}`,
              description: t % 3 === 0 ? `Notes for task ${t + 1}: an ordinary description of a few words.` : undefined,
              order: t,
              done: t % 4 === 0,
            }),
          ),
        );
      }
    }
    await pipelined(jobs, deadline);
    return { items: LISTS + jobs.length, ms: Date.now() - t0 };
  } finally {
    await client.close();
  }
}
