// The room's owner (the streamer's chat): creates the room, gives and takes
// the admin right, seeds items carrying data the official client does not
// know, and reads the server's items at the end. Each act uses a connection
// of its own, made again if a server restart cut it.
import type { TestBackend } from '../helpers/backend';
import type { RawXmppClient } from '../helpers/raw-client';
import { NS_TASK, NS_TASKLIST, TASKS_NODE } from './official-client';
import type { Oracle } from './oracle';
import type { ServerItem } from './server-items';

const OWNER = 'erin';
/** Unknown data another client put on items: ours must keep it. */
const UNKNOWN_ATTR = 'x-soak';
const UNKNOWN_NS = 'urn:example:soak';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Something done by the room's owner (the streamer's chat), on a connection
 * of its own made for it, again if a server restart cut it.
 */
export async function asOwner<T>(backend: TestBackend, roomJid: string, act: (owner: RawXmppClient) => Promise<T>): Promise<T> {
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

export function setAffiliation(backend: TestBackend, roomJid: string, user: string, affiliation: string): Promise<void> {
  return asOwner(backend, roomJid, (owner) => owner.setAffiliation(roomJid, `${user}@${backend.domain}`, affiliation));
}

/** Two lists and six tasks carrying data the official client does not know; returns their ids. */
export async function seedItems(owner: RawXmppClient, roomJid: string, oracle: Oracle): Promise<string[]> {
  const ids: string[] = [];
  /** task id → the list it is seeded in: that list's deletion takes the task with it */
  const listOf = new Map<string, string>();
  const extra = (id: string) => `<soak-note xmlns="${UNKNOWN_NS}">keep ${id}</soak-note>`;
  for (const l of [1, 2]) {
    const id = `seed-list-${l}`;
    await owner.publish(
      roomJid,
      TASKS_NODE,
      `<tasklist xmlns="${NS_TASKLIST}" ${UNKNOWN_ATTR}="${id}"><name>Seeded list ${l}</name>${extra(id)}</tasklist>`,
      id,
    );
    ids.push(id);
    for (const t of [1, 2, 3]) {
      const tid = `seed-task-${l}-${t}`;
      await owner.publish(
        roomJid,
        TASKS_NODE,
        `<task xmlns="${NS_TASK}" list="${id}" order="${t}" ${UNKNOWN_ATTR}="${tid}"><name>Seeded task ${l}.${t}</name>${extra(tid)}</task>`,
        tid,
      );
      ids.push(tid);
      listOf.set(tid, id);
    }
  }
  const at = Date.now();
  for (const id of ids) {
    oracle.record({ client: OWNER, op: 'seed', item: id, field: 'exists', value: true, issuedAt: at }, at);
    const list = listOf.get(id);
    if (list) oracle.record({ client: OWNER, op: 'seed', item: id, field: 'list', value: list, issuedAt: at }, at);
  }
  return ids;
}

/** The seeded item still carries the attribute and the child element the official client does not know. */
export function keepsUnknownData(item: ServerItem): boolean {
  return item.unknownAttrs.some((a) => a.startsWith(UNKNOWN_ATTR)) && item.unknownChildren.some((c) => c.startsWith(UNKNOWN_NS));
}
