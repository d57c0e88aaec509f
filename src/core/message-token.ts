// The reference to a chat message that a task made from it keeps in its
// description (message-ref.ts says why and how it is read): written only by
// the chat's task dialog, which is loaded on use, so apart from the reading
// that every row of the page panel does at its first paint.
import type { MessageRef } from './message-ref';

/** Ids and times are written percent-encoded: an id may hold "]", spaces or line breaks. */
const encode = (value: string) => value.replace(/[%\]\s[]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** The token naming the message, e.g. "[msg:3f2a…]". */
export function messageToken(ref: MessageRef): string {
  return 'id' in ref ? `[msg:${encode(ref.id)}]` : `[msg:@${encode(ref.time)}]`;
}

/** The description of a task made from a message: the message, a blank line, and the reference line (`label` is what people read before the token). */
export function describeWithRef(text: string, label: string, ref: MessageRef): string {
  return `${text.trim()}\n\n${label} ${messageToken(ref)}`;
}
