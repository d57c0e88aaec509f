import type { Item } from './types';
export interface StanzaError { type: string; condition: string; pubsubCondition?: string; text?: string }
export type PubsubEvent =
  | { type: 'items'; room: string; items: Element[] }
  | { type: 'retract'; room: string; ids: string[] }
  | { type: 'purge'; room: string }
  | { type: 'delete'; room: string };
export interface MucPresence { room: string; nick: string; self: boolean; affiliation: string; role: string; unavailable: boolean; destroyed: boolean; statuses: string[]; error?: StanzaError }
const todo = (...a: unknown[]): never => { throw new Error('todo ' + a.length); };
export const subscribeIq = (room: string, jid: string, id: string): string => todo(room, jid, id);
export const unsubscribeIq = (room: string, jid: string, id: string): string => todo(room, jid, id);
export const itemsIq = (room: string, id: string): string => todo(room, id);
export const publishIq = (room: string, item: Item, id: string): string => todo(room, item, id);
export const retractIq = (room: string, itemId: string, id: string): string => todo(room, itemId, id);
export const discoInfoIq = (room: string, id: string): string => todo(room, id);
export const pingIq = (to: string, id: string): string => todo(to, id);
export const joinPresence = (roomJid: string, nick: string): string => todo(roomJid, nick);
export const leavePresence = (roomJid: string, nick: string): string => todo(roomJid, nick);
export const parseEvent = (message: Element): PubsubEvent[] => todo(message);
export const parseItemsResult = (iq: Element): { items: Element[] } | { error: StanzaError } => todo(iq);
export const parsePublishResult = (iq: Element): string | undefined => todo(iq);
export const parseError = (stanza: Element): StanzaError | undefined => todo(stanza);
export const parseDiscoFeatures = (iq: Element): string[] => todo(iq);
export const parseMucPresence = (presence: Element): MucPresence | undefined => todo(presence);
