// Moderator notes over the raw client, written as the livechat plugin's
// official ConverseJS client writes them (node livechat-notes, docs/protocol.md
// §9): used to seed the demo rooms and by tests that play the official client.
import { child, children, esc } from './xmpp-client.mjs';

const PUBSUB = 'http://jabber.org/protocol/pubsub';
const MUC_USER = 'http://jabber.org/protocol/muc#user';
export const NOTES_NODE = 'livechat-notes';
export const NS_NOTE = 'urn:peertube-plugin-livechat:note';
export const NS_OCCUPANT_ID = 'urn:xmpp:occupant-id:0';

/**
 * A <note> payload with the official client's bytes (strophe sorts attribute
 * names): `about` is { jid, nick, occupantId }, each left out when unknown,
 * and no <note-about> at all when nothing is known.
 */
export function noteXml({ description, order, about = {} }) {
  const attrs = [about.jid && ` jid="${esc(about.jid)}"`, about.nick && ` nick="${esc(about.nick)}"`].filter(Boolean).join('');
  const occupantId = about.occupantId ? `<occupant-id id="${esc(about.occupantId)}" xmlns="${NS_OCCUPANT_ID}"/>` : '';
  const noteAbout = attrs || occupantId ? (occupantId ? `<note-about${attrs}>${occupantId}</note-about>` : `<note-about${attrs}/>`) : '';
  return `<note order="${esc(order)}" xmlns="${NS_NOTE}"><description>${esc(description)}</description>${noteAbout}</note>`;
}

/** Publishes a raw <note> payload; without `id` the server names the item. Resolves with the item id. */
export async function publishNote(client, room, payloadXml, id) {
  const result = await client.iq(
    'set',
    room,
    `<pubsub xmlns="${PUBSUB}"><publish node="${NOTES_NODE}"><item${id ? ` id="${esc(id)}"` : ''}>${payloadXml}</item></publish></pubsub>`,
  );
  return child(child(child(result, 'pubsub'), 'publish'), 'item')?.getAttribute('id') ?? id;
}

export function subscribeNotes(client, room) {
  return client.iq('set', room, `<pubsub xmlns="${PUBSUB}"><subscribe node="${NOTES_NODE}" jid="${esc(client.bareJid)}"/></pubsub>`);
}

export function retractNote(client, room, id) {
  return client.iq(
    'set',
    room,
    `<pubsub xmlns="${PUBSUB}"><retract node="${NOTES_NODE}" notify="1"><item id="${esc(id)}"/></retract></pubsub>`,
  );
}

/** The node's items (oldest first); an empty or not yet created node has none. */
export async function fetchNotes(client, room) {
  try {
    const result = await client.iq('get', room, `<pubsub xmlns="${PUBSUB}"><items node="${NOTES_NODE}"/></pubsub>`);
    return children(child(child(result, 'pubsub'), 'items'), 'item');
  } catch (error) {
    if (error.condition === 'item-not-found') return [];
    throw error;
  }
}

/**
 * What a moderator learns of a participant from a MUC presence: nickname,
 * real bare JID (moderators only) and XEP-0421 occupant-id.
 */
export function participantFromPresence(presence) {
  const nick = (presence.getAttribute('from') ?? '').split(/\/(.*)/s)[1];
  const x = children(presence, 'x').find((e) => e.namespaceURI === MUC_USER);
  const jid = child(x, 'item')?.getAttribute('jid')?.split('/')[0];
  const occupantId = children(presence, 'occupant-id')
    .find((e) => e.namespaceURI === NS_OCCUPANT_ID)
    ?.getAttribute('id');
  return { nick, ...(jid ? { jid } : {}), ...(occupantId ? { occupantId } : {}) };
}
