// Messages the background pushes to the extension's pages (BackgroundToView).
// runtime.onMessage also hears every content script's runtime messages and
// every other page's requests: we keep only messages of our own pages (the
// same sender check as the background's, background/senders.ts) that have
// the shape of a BackgroundToView, and never answer (the background does).
import { identify, type SenderLike } from '../background/senders';
import { ext } from '../ext';
import type { BackgroundToView } from '../messages';

function isBackgroundToView(message: unknown): message is BackgroundToView {
  const m = message as Partial<BackgroundToView> | null;
  if (m?.type === 'bg/room-counts') return true;
  return m?.type === 'bg/tab-room' && Number.isSafeInteger(m.tabId);
}

/** Calls `listener` with each message the background pushes; returns a function that stops it. */
export function onBackgroundMessage(listener: (message: BackgroundToView) => void): () => void {
  const api = ext();
  if (!api) return () => {};
  const self = { id: api.runtime.id, origin: api.runtime.getURL('') };
  const onMessage = (message: unknown, sender: SenderLike): undefined => {
    const who = identify(sender, self);
    if (who.ok && who.caller.kind === 'page' && isBackgroundToView(message)) listener(message);
    return undefined; // not a reply: the background answers requests, never a page
  };
  api.runtime.onMessage.addListener(onMessage);
  return () => api.runtime.onMessage.removeListener(onMessage);
}
