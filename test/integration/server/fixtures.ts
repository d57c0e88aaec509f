// Shared set-up for the server tests: rooms with known affiliations and payloads.
import { children, child, errorOf, itemsOf, NS_PUBSUB_EVENT, xmlEscape, type RawXmppClient } from '../../helpers/raw-client.ts';
import type { TestBackend } from '../../helpers/backend.ts';

export const TASKS = 'livechat-tasks';
export const NOTES = 'livechat-notes';
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function taskXml(name: string, listId = 'list-1', order = 1): string {
  return `<task xmlns="urn:peertube-plugin-livechat:task" list="${listId}" order="${order}"><name>${xmlEscape(name)}</name></task>`;
}

export function tasklistXml(name: string): string {
  return `<tasklist xmlns="urn:peertube-plugin-livechat:tasklist"><name>${xmlEscape(name)}</name></tasklist>`;
}

/** "type/condition" of an error reply, or "result". */
export function outcome(reply: Element): string {
  const error = errorOf(reply);
  return error ? `${error.type}/${error.condition}` : 'result';
}

/** id → name of each task or task list, in the order of the reply. */
export function namesOf(reply: Element): Array<[string, string]> {
  return itemsOf(reply).map((item) => [item.getAttribute('id') ?? '', child(children(item)[0], 'name')?.textContent ?? '']);
}

/** The <items>/<delete>/<purge> children of the pubsub events `client` got from `room`. */
export function eventsOf(client: RawXmppClient, room: string, node = TASKS): Element[] {
  return client.pubsubEvents(room, node).map((message) => children(child(message, 'event', NS_PUBSUB_EVENT)!)[0]!);
}

/** Opens a room owned by alice, with the given users joined with the given affiliations. */
export async function openRoom(backend: TestBackend, others: Record<string, 'admin' | 'owner' | 'member' | 'none' | 'outcast'> = {}) {
  const room = backend.newRoomJid();
  const alice = await backend.connect('alice');
  await alice.joinRoom(room, 'alice');
  const clients: Record<string, RawXmppClient> = { alice };
  for (const [name, affiliation] of Object.entries(others)) {
    const client = await backend.connect(name);
    clients[name] = client;
    if (affiliation !== 'none') await alice.setAffiliation(room, client.bareJid, affiliation);
    if (affiliation !== 'outcast') await client.joinRoom(room, name);
  }
  return { room, alice, clients, closeAll: () => Object.values(clients).forEach((c) => c.close()) };
}
