// A "create a task" button on each message of PeerTube's in-page chat
// (ConverseJS, light DOM: `.chat-msg` with `.chat-msg__author` and
// `.chat-msg__text`). Each button lives in its own shadow root, so neither the
// chat's styles nor ours leak. New messages are found from the mutation
// records (only the added nodes are looked at), at most once per frame-ish
// tick, so a busy chat costs little. Message text is only ever read through
// textContent.
import BUTTON_CSS from './chat-action.css?inline';

export interface ChatMessage {
  nick: string;
  text: string;
}

export const ACTION_HOST_ATTR = 'data-lct-task-action';
const MESSAGE = '.chat-msg';
const SCAN_DELAY_MS = 150;

/** The sender and text of a chat message element, or null if it has none (info lines, retractions, uploads). */
function readChatMessage(el: Element): ChatMessage | null {
  const author = el.querySelector('.chat-msg__author')?.textContent ?? '';
  // "/me" actions show the author as "**nick".
  const nick = author.trim().replace(/^\*\*/, '').trim();
  const text = (el.querySelector('.chat-msg__text')?.textContent ?? '').trim();
  return nick && text ? { nick, text } : null;
}

/** Adds the button when the message is readable; returns whether it did. */
function addButton(el: Element, label: string, onAction: (msg: ChatMessage, button: HTMLButtonElement) => void): boolean {
  if (!readChatMessage(el)) return false;
  const doc = el.ownerDocument;
  const host = doc.createElement('span');
  host.setAttribute(ACTION_HOST_ATTR, '');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = BUTTON_CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = '+';
  button.setAttribute('aria-label', label);
  button.title = label;
  button.dataset.testid = 'chat-create-task';
  // The message is read at click time: ConverseJS may have corrected it since.
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    const msg = readChatMessage(el);
    if (msg) onAction(msg, button);
  });
  root.append(style, button);
  (el.querySelector('.chat-msg__heading') ?? el.querySelector('.chat-msg__content') ?? el).append(host);
  return true;
}

/**
 * Adds the button to every chat message under `root`, now and as messages
 * arrive; returns a stop function that also removes the buttons.
 */
export function watchChatMessages(
  root: Element,
  label: string,
  onAction: (msg: ChatMessage, button: HTMLButtonElement) => void,
): () => void {
  const done = new WeakSet<Element>();
  const visit = (el: Element) => {
    // A message still empty (ConverseJS renders its content a moment later)
    // is not marked: the nodes rendered into it are seen as added nodes.
    if (!done.has(el) && addButton(el, label, onAction)) done.add(el);
  };
  const scan = (el: Element) => {
    const message = el.closest(MESSAGE);
    if (message) visit(message);
    el.querySelectorAll(MESSAGE).forEach(visit);
  };

  let added: Element[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const batch = added;
    added = [];
    for (const el of batch) if (el.isConnected) scan(el);
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      r.addedNodes.forEach((n) => {
        // Our own button hosts are added nodes too; skip them.
        if (n.nodeType === 1 && !(n as Element).hasAttribute(ACTION_HOST_ATTR)) added.push(n as Element);
      });
    }
    if (added.length && !timer) timer = setTimeout(flush, SCAN_DELAY_MS);
  });
  observer.observe(root, { childList: true, subtree: true });
  scan(root);

  return () => {
    observer.disconnect();
    clearTimeout(timer);
    root.querySelectorAll(`[${ACTION_HOST_ATTR}]`).forEach((h) => h.remove());
  };
}
