// Types of demo/notes.mjs for TypeScript callers (end-to-end tests).
import type { XmppClient } from './xmpp-client.mjs';

export declare const NOTES_NODE: string;
export declare const NS_NOTE: string;
export declare const NS_OCCUPANT_ID: string;

export interface RawNoteAbout {
  jid?: string;
  nick?: string;
  occupantId?: string;
}

export declare function noteXml(note: { description: string; order: number | string; about?: RawNoteAbout }): string;
export declare function publishNote(client: XmppClient, room: string, payloadXml: string, id?: string): Promise<string>;
export declare function subscribeNotes(client: XmppClient, room: string): Promise<Element>;
export declare function retractNote(client: XmppClient, room: string, id: string): Promise<Element>;
/** The node's <item> elements, oldest first. */
export declare function fetchNotes(client: XmppClient, room: string): Promise<Element[]>;
export declare function participantFromPresence(presence: Element): RawNoteAbout & { nick: string };
