// Who sent a message, as the browser reports it. runtime.onMessage only
// carries our own extension's messages, but we still check the id, then
// tell our pages (which may ask anything) from our content scripts (which
// act for the page they run in, a page we do not trust).
import type { Problem } from '../core/types';
import { originOfPage } from './origins';

/** The parts of runtime.MessageSender we rely on. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type Caller =
  | { kind: 'page' }
  /** a content script in the top frame of tab `tabId`, on `origin` */
  | { kind: 'content'; tabId: number; origin: string };

export interface Self {
  /** runtime.id */
  id: string;
  /** runtime.getURL(''), e.g. chrome-extension://ID/ */
  origin: string;
}

export function identify(sender: SenderLike | undefined, self: Self): { ok: true; caller: Caller } | { ok: false; error: Problem } {
  const refuse = (detail: string) => ({ ok: false as const, error: { code: 'bad-request' as const, detail } });
  if (!sender || sender.id !== self.id) return refuse('sender is not this extension');
  if (sender.url?.startsWith(self.origin)) return { ok: true, caller: { kind: 'page' } };
  const tabId = sender.tab?.id;
  const origin = originOfPage(sender.url);
  if (tabId === undefined || tabId < 0 || !origin) return refuse('sender is neither an extension page nor a content script in a web page');
  // Our content script is registered for top frames only: anything else is not it.
  if (sender.frameId !== undefined && sender.frameId !== 0) return refuse('content scripts may only speak from the top frame');
  return { ok: true, caller: { kind: 'content', tabId, origin } };
}
