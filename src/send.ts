// Typed request/reply to the background, for every context (content script,
// popup, side panel, options). A closed channel (worker restarting, extension
// reloaded) becomes a failed reply instead of a thrown error, so callers have
// one path for failure. Edits of a room go over its port instead
// (ui/room-port.ts), which asks again for an answer lost with a stopped worker.
import type { ReplyTo, Request } from './messages';
import { ext } from './ext';

/**
 * The background's reply, or a failure saying why none came: Chrome says
 * "message channel closed" when its worker stopped mid-answer, Firefox may
 * say "Receiving end does not exist" for its event page.
 */
export async function send<R extends Request>(message: R): Promise<ReplyTo<R>> {
  const failed = (detail: string) => ({ ok: false, error: { code: 'internal', detail } }) as ReplyTo<R>;
  const api = ext();
  if (!api) return failed('no extension runtime');
  try {
    const reply = (await api.runtime.sendMessage(message)) as ReplyTo<R> | undefined;
    return reply ?? failed('no answer');
  } catch (err) {
    return failed(String(err));
  }
}
