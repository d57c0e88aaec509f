// Room and task operations over the raw client: what a chat client (ConverseJS
// and the livechat Task App) sends, used to set up the demo rooms and by tests.
import { child, children, esc } from './xmpp-client.mjs';

const MUC = 'http://jabber.org/protocol/muc';
const MUC_USER = 'http://jabber.org/protocol/muc#user';
const PUBSUB = 'http://jabber.org/protocol/pubsub';
export const TASKS_NODE = 'livechat-tasks';
export const NS_TASKLIST = 'urn:peertube-plugin-livechat:tasklist';
export const NS_TASK = 'urn:peertube-plugin-livechat:task';

/** Joins `room` as `nick` and resolves with our affiliation once the self-presence (status 110) arrives. */
export async function joinRoom(client, room, nick, { history = 0 } = {}) {
  const selfPresence = client.waitFor((el) => {
    if (el.localName !== 'presence' || el.getAttribute('from')?.split('/')[0] !== room) return false;
    if (el.getAttribute('type') === 'error') return true;
    const x = children(el, 'x').find((e) => e.namespaceURI === MUC_USER);
    return !!x && children(x, 'status').some((s) => s.getAttribute('code') === '110');
  });
  client.send(`<presence to="${esc(room)}/${esc(nick)}"><x xmlns="${MUC}"><history maxstanzas="${history}"/></x></presence>`);
  const el = await selfPresence;
  if (el.getAttribute('type') === 'error') throw new Error(`cannot join ${room}: ${el.toString()}`);
  const x = children(el, 'x').find((e) => e.namespaceURI === MUC_USER);
  return child(x, 'item')?.getAttribute('affiliation');
}

/** Owner only: names the room and keeps it after everyone leaves. */
export function configureRoom(client, room, { name, description = '' }) {
  const field = (v, value) => `<field var="${v}"><value>${esc(value)}</value></field>`;
  return client.iq(
    'set',
    room,
    `<query xmlns="${MUC}#owner"><x xmlns="jabber:x:data" type="submit">${field(
      'FORM_TYPE',
      `${MUC}#roomconfig`,
    )}${field('muc#roomconfig_roomname', name)}${field('muc#roomconfig_roomdesc', description)}${field(
      'muc#roomconfig_persistentroom',
      '1',
    )}${field('muc#roomconfig_publicroom', '1')}</x></query>`,
  );
}

export function setAffiliation(client, room, jid, affiliation) {
  return client.iq('set', room, `<query xmlns="${MUC}#admin"><item affiliation="${esc(affiliation)}" jid="${esc(jid)}"/></query>`);
}

/** Sends a chat message with an id of its own, as ConverseJS does (its page shows the id as data-msgid). */
export function sendGroupchat(client, room, text) {
  client.send(`<message type="groupchat" to="${esc(room)}" id="${crypto.randomUUID()}"><body>${esc(text)}</body></message>`);
}

export function subscribeTasks(client, room) {
  return client.iq('set', room, `<pubsub xmlns="${PUBSUB}"><subscribe node="${TASKS_NODE}" jid="${esc(client.bareJid)}"/></pubsub>`);
}

/** The node's items as DOM elements (`<item id>` with its payload), oldest first. */
export async function fetchItems(client, room) {
  const result = await client.iq('get', room, `<pubsub xmlns="${PUBSUB}"><items node="${TASKS_NODE}"/></pubsub>`);
  return children(child(child(result, 'pubsub'), 'items'), 'item');
}

/** Publishes a raw payload (one XML element as a string); resolves with the item id the server gave. */
export async function publishRaw(client, room, payloadXml, id) {
  const result = await client.iq(
    'set',
    room,
    `<pubsub xmlns="${PUBSUB}"><publish node="${TASKS_NODE}"><item${id ? ` id="${esc(id)}"` : ''}>${payloadXml}</item></publish></pubsub>`,
  );
  return child(child(child(result, 'pubsub'), 'publish'), 'item')?.getAttribute('id') ?? id;
}

export function taskListXml(name) {
  return `<tasklist xmlns="${NS_TASKLIST}"><name>${esc(name)}</name></tasklist>`;
}

export function taskXml({ list, name, description, order, done }) {
  return `<task xmlns="${NS_TASK}" list="${esc(list)}" order="${order}"${done ? ' done="true"' : ''}><name>${esc(name)}</name>${
    description === undefined ? '' : `<description>${esc(description)}</description>`
  }</task>`;
}

export function retractItem(client, room, id) {
  return client.iq(
    'set',
    room,
    `<pubsub xmlns="${PUBSUB}"><retract node="${TASKS_NODE}" notify="1"><item id="${esc(id)}"/></retract></pubsub>`,
  );
}

/** Reads items into plain objects (lists and tasks; anything else is skipped). */
export function readTasks(items) {
  const lists = [];
  const tasks = [];
  for (const item of items) {
    const payload = children(item)[0];
    if (!payload) continue;
    const name = child(payload, 'name')?.textContent ?? '';
    if (payload.localName === 'tasklist' && payload.namespaceURI === NS_TASKLIST) lists.push({ id: item.getAttribute('id'), name });
    if (payload.localName === 'task' && payload.namespaceURI === NS_TASK) {
      tasks.push({
        id: item.getAttribute('id'),
        name,
        list: payload.getAttribute('list'),
        order: Number(payload.getAttribute('order')),
        done: payload.hasAttribute('done'),
        description: child(payload, 'description')?.textContent,
      });
    }
  }
  return { lists, tasks };
}
