// A note created from a chat message starts with the message quoted, in the
// chat's own quoting style (XEP-0393 "> " lines, which ConverseJS shows as a
// quote), followed by an empty line for the moderator's words.

/** The start of a note's text quoting `message`; at most `max` characters of it. */
export function quoteMessage(message: string, max = 1000): string {
  const text = message.length > max ? `${message.slice(0, max).trimEnd()}…` : message;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return `${lines.map((line) => (line ? `> ${line}` : '>')).join('\n')}\n\n`;
}
