// Answers the background's "show this message" (bg/show-message), which the
// side panel asks for: it has no chat of its own, this page has. Only our
// background or our pages are heard (the same sender check as the
// background's); the reply says whether the chat still has the message.
import { identify, type SenderLike } from '../background/senders';
import { ext } from '../ext';
import type { BackgroundToContent, ContentReplies } from '../messages';
import { showChatMessage } from './chat-find';

function isShowMessage(message: unknown): message is BackgroundToContent {
  const m = message as Partial<BackgroundToContent> | null;
  const ref = m?.ref as { id?: unknown; time?: unknown } | undefined;
  return m?.type === 'bg/show-message' && (typeof ref?.id === 'string' || typeof ref?.time === 'string');
}

/** Listens while the panel is mounted; `chat` gives the page's chat as it is now. Returns the function that stops it. */
export function answerShowMessage(chat: () => Element | null): () => void {
  const api = ext();
  if (!api) return () => {};
  const self = { id: api.runtime.id, origin: api.runtime.getURL('') };
  const onMessage = (message: unknown, sender: SenderLike, reply: (r: ContentReplies['bg/show-message']) => void) => {
    const who = identify(sender, self);
    if (!who.ok || who.caller.kind !== 'page' || !isShowMessage(message)) return undefined; // not ours to answer
    const root = chat();
    reply({ shown: !!root && showChatMessage(root, message.ref) });
    return undefined;
  };
  const listener = onMessage as unknown as Parameters<typeof api.runtime.onMessage.addListener>[0];
  api.runtime.onMessage.addListener(listener);
  return () => api.runtime.onMessage.removeListener(listener);
}
