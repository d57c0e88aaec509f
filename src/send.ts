// Typed request/reply to the background, for every context (content script,
// popup, side panel, options). A closed channel (worker restarting, extension
// reloaded) becomes a failed reply instead of a thrown error, so callers have
// one path for failure.
import type { ReplyTo, Request } from './messages';
import { ext } from './ext';

/**
 * No reply came: the background may have acted on the message or not.
 * Chrome says "message channel closed" when its worker stopped mid-answer;
 * Firefox may say "Receiving end does not exist" for its event page.
 */
export interface NoReply {
  noReply: string;
}

/** The background's reply, or why none came. */
export async function request<R extends Request>(message: R): Promise<ReplyTo<R> | NoReply> {
  const api = ext();
  if (!api) return { noReply: 'no extension runtime' };
  try {
    const reply = (await api.runtime.sendMessage(message)) as ReplyTo<R> | undefined;
    return reply ?? { noReply: 'no answer' };
  } catch (err) {
    return { noReply: String(err) };
  }
}

export async function send<R extends Request>(message: R): Promise<ReplyTo<R>> {
  const answer = await request(message);
  return 'noReply' in answer ? ({ ok: false, error: { code: 'internal', detail: answer.noReply } } as ReplyTo<R>) : answer;
}
