// The wire names of the task application (docs/protocol.md): the pubsub node and
// the XML namespaces. Only the background speaks XMPP; types.ts re-exports
// them, and keeping them apart from it spares the views these strings.

export const TASKS_NODE = 'livechat-tasks';
/** The moderator notes (docs/protocol.md §9), on the same service. */
export const NOTES_NODE = 'livechat-notes';

export const NS = {
  tasklist: 'urn:peertube-plugin-livechat:tasklist',
  task: 'urn:peertube-plugin-livechat:task',
  note: 'urn:peertube-plugin-livechat:note',
  pubsub: 'http://jabber.org/protocol/pubsub',
  pubsubEvent: 'http://jabber.org/protocol/pubsub#event',
  pubsubErrors: 'http://jabber.org/protocol/pubsub#errors',
  muc: 'http://jabber.org/protocol/muc',
  mucUser: 'http://jabber.org/protocol/muc#user',
  discoInfo: 'http://jabber.org/protocol/disco#info',
  ping: 'urn:xmpp:ping',
  /** XEP-0421: the room's stable id for an occupant, stamped by the server. */
  occupantId: 'urn:xmpp:occupant-id:0',
} as const;
