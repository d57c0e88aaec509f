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
// counts, wherever it is. Writing the token is message-token.ts's: only the
// chat's task dialog writes one, every row of the panel reads them.

/** Where the chat shows the message: its id, else its exact time. */
export type MessageRef = { id: string } | { time: string };

const TOKEN = /\[\s*msg\s*:\s*([^\]\s]+)\s*\]/gi;

/** Ids and times are written percent-encoded (message-token.ts). */
function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined; // a token mangled by hand: no reference rather than a wrong one
  }
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
