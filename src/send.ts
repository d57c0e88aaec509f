// Typed request/reply to the background, for every context (content script,
// popup, side panel, options). A closed channel (worker restarting, extension
// reloaded) becomes a failed reply instead of a thrown error, so callers have
// one path for failure.
import type { ReplyTo, Request } from './messages';
import { ext } from './ext';

/**
 * No reply came. `undelivered`: nobody received the message (no runtime, no
 * listener). `lost`: it may have been received and acted on, but its answer
 * never came back (the worker stopped while answering).
 */
export interface NoReply {
  noReply: 'undelivered' | 'lost';
  detail: string;
}

const UNDELIVERED = /Could not establish connection|Receiving end does not exist/i;

/** The background's reply, or why none came. */
export async function request<R extends Request>(message: R): Promise<ReplyTo<R> | NoReply> {
  const api = ext();
  if (!api) return { noReply: 'undelivered', detail: 'no extension runtime' };
  try {
    const reply = (await api.runtime.sendMessage(message)) as ReplyTo<R> | undefined;
    return reply ?? { noReply: 'lost', detail: 'no answer' };
  } catch (err) {
    return { noReply: UNDELIVERED.test(String(err)) ? 'undelivered' : 'lost', detail: String(err) };
  }
}

export async function send<R extends Request>(message: R): Promise<ReplyTo<R>> {
  const answer = await request(message);
  return 'noReply' in answer ? ({ ok: false, error: { code: 'internal', detail: answer.detail } } as ReplyTo<R>) : answer;
}
