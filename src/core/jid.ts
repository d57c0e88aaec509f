// A bare JID's local and domain parts are case-insensitive (RFC 7622):
// Room@Chat.Example.org and room@chat.example.org are one room, and the server
// may answer from either spelling. Maps and comparisons use this key.
export const bareJidKey = (jid: string): string => jid.toLowerCase();

/** The bare JID of an address, as a key: the resource (case-sensitive) dropped. */
export const bareKeyOf = (address: string): string => bareJidKey(address.split('/', 1)[0] ?? '');
