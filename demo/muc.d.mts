// Types of demo/muc.mjs for TypeScript callers (end-to-end tests).
import type { XmppClient } from './xmpp-client.mjs';

export declare const TASKS_NODE: string;
export declare const NS_TASKLIST: string;
export declare const NS_TASK: string;

export interface RawTask {
  id: string;
  name: string;
  list: string | null;
  order: number;
  done: boolean;
  description?: string;
}

export declare function joinRoom(client: XmppClient, room: string, nick: string, options?: { history?: number }): Promise<string | null>;
export declare function configureRoom(client: XmppClient, room: string, options: { name: string; description?: string }): Promise<Element>;
export declare function setAffiliation(client: XmppClient, room: string, jid: string, affiliation: string): Promise<Element>;
export declare function sendGroupchat(client: XmppClient, room: string, text: string): void;
export declare function subscribeTasks(client: XmppClient, room: string): Promise<Element>;
export declare function fetchItems(client: XmppClient, room: string): Promise<Element[]>;
export declare function publishRaw(client: XmppClient, room: string, payloadXml: string, id?: string): Promise<string>;
export declare function taskListXml(name: string): string;
export declare function taskXml(task: { list: string; name: string; description?: string; order: number; done?: boolean }): string;
export declare function retractItem(client: XmppClient, room: string, id: string): Promise<Element>;
export declare function readTasks(items: Element[]): { lists: { id: string; name: string }[]; tasks: RawTask[] };
