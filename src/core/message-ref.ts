// A task made from a chat message keeps a reference to that message in its
// description, because the description is the one free-text field the
// official client republishes as it was when it edits a task (it writes only
// name, description, done, order and list; docs/protocol.md §8): a field of
// our own on the item would be lost at its first edit there. The reference
// is a last line people can read ("— from the chat: alice, 14:32") ending in
// a token the page can find the message by: "[msg:<id>]", the message id
// ConverseJS renders as data-msgid, or "[msg:@<ISO time>]" for a message
// without one (ConverseJS's data-isodate). People may edit the description
// around it, reword the line or add lines after it: only the last token
// counts, wherever it is.

/** Where the chat shows the message: its id, else its exact time. */
export type MessageRef = { id: string } | { time: string };

const TOKEN = /\[\s*msg\s*:\s*([^\]\s]+)\s*\]/gi;

/** Ids and times are written percent-encoded: an id may hold "]", spaces or line breaks. */
const encode = (value: string) => value.replace(/[%\]\s[]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined; // a token mangled by hand: no reference rather than a wrong one
  }
}

/** The token naming the message, e.g. "[msg:3f2a…]". */
export function messageToken(ref: MessageRef): string {
  return 'id' in ref ? `[msg:${encode(ref.id)}]` : `[msg:@${encode(ref.time)}]`;
}

/** The description of a task made from a message: the message, a blank line, and the reference line (`label` is what people read before the token). */
export function describeWithRef(text: string, label: string, ref: MessageRef): string {
  return `${text.trim()}\n\n${label} ${messageToken(ref)}`;
}

/** The message a task's description refers to (its last token), or undefined. */
export function parseMessageRef(description: string | undefined): MessageRef | undefined {
  if (!description) return undefined;
  let last: string | undefined;
  for (const match of description.matchAll(TOKEN)) last = match[1];
  if (!last) return undefined;
  const time = last.startsWith('@');
  const value = decode(time ? last.slice(1) : last);
  if (!value) return undefined;
  if (!time) return { id: value };
  return Number.isNaN(Date.parse(value)) ? undefined : { time: value };
}
