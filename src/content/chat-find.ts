// "Show message": finds the chat message a task refers to (core/message-ref.ts)
// in PeerTube's chat (ConverseJS: `.chat-msg` with data-msgid and
// data-isodate), scrolls the chat to it and highlights it for a few seconds.
// The highlight is an animation, not a class or a style of ours left on the
// page: it ends by itself and the chat's own styles never see it.
import type { MessageRef } from '../core/message-ref';

const MESSAGE = '.chat-msg';
const HIGHLIGHT_MS = 4000;

/** The chat message element `ref` names, or null when the chat no longer shows it. */
function findChatMessage(root: ParentNode, ref: MessageRef): HTMLElement | null {
  // compared as values, not built into a selector: ids are whatever the sender's client chose
  const wanted = 'id' in ref ? ref.id : Date.parse(ref.time);
  for (const el of root.querySelectorAll<HTMLElement>(MESSAGE)) {
    const value = 'id' in ref ? el.getAttribute('data-msgid') : Date.parse(el.getAttribute('data-isodate') ?? '');
    if (value === wanted) return el;
  }
  return null;
}

/** Scrolls the chat to the message and highlights it; false when it is gone. */
export function showChatMessage(root: ParentNode, ref: MessageRef): boolean {
  const el = findChatMessage(root, ref);
  if (!el) return false;
  const view = el.ownerDocument.defaultView;
  // A hidden page draws no frames: a smooth scroll there may never finish, so it jumps (and is there when the user looks).
  const still = el.ownerDocument.hidden || view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  el.animate?.(
    [
      { backgroundColor: 'rgba(255, 200, 0, 0.45)', boxShadow: 'inset 4px 0 0 #e6a100' },
      { backgroundColor: 'rgba(255, 200, 0, 0.45)', boxShadow: 'inset 4px 0 0 #e6a100', offset: 0.75 },
      { backgroundColor: 'transparent', boxShadow: 'inset 4px 0 0 transparent' },
    ],
    { duration: HIGHLIGHT_MS },
  );
  return true;
}
