// Typed request/reply to the background, for every context (content script,
// popup, side panel, options). A closed channel (worker restarting, extension
// reloaded) becomes a failed reply instead of a thrown error, so callers have
// one path for failure.
import type { ReplyTo, Request } from './messages';
import { ext } from './ext';

export async function send<R extends Request>(message: R): Promise<ReplyTo<R>> {
  const api = ext();
  if (!api) return { ok: false, error: { code: 'internal', detail: 'no extension runtime' } } as ReplyTo<R>;
  try {
    const reply = (await api.runtime.sendMessage(message)) as ReplyTo<R> | undefined;
    return reply ?? ({ ok: false, error: { code: 'internal', detail: 'no answer' } } as ReplyTo<R>);
  } catch (err) {
    return { ok: false, error: { code: 'internal', detail: String(err) } } as ReplyTo<R>;
  }
}
