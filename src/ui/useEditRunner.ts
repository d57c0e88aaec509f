// Sends edits and turns a refusal (or a broken channel) into a message for
// the aria-live error region, so no failed edit goes unnoticed.
import { useCallback, useRef, useState } from 'preact/hooks';
import type { Problem, RoomEdit } from '../core/types';
import type { Reply } from '../messages';
import { t } from './i18n';
import { problemText } from './problemText';

export type OnEdit = (e: RoomEdit) => Promise<Reply<{ itemId: string }>>;

export function useEditRunner(onEdit: OnEdit) {
  const [error, setError] = useState('');
  const latest = useRef(onEdit);
  latest.current = onEdit;

  const run = useCallback(async (edit: RoomEdit): Promise<string | undefined> => {
    let reply: Reply<{ itemId: string }>;
    try {
      reply = await latest.current(edit);
    } catch (err) {
      reply = { ok: false, error: { code: 'internal', detail: String(err) } };
    }
    if (reply.ok) return reply.value.itemId;
    setError(failureMessage(reply.error));
    return undefined;
  }, []);

  return { run, error, clearError: useCallback(() => setError(''), []) };
}

function failureMessage(p: Problem): string {
  const what = problemText(p);
  return p.detail ? t('editFailedDetail', [what, p.detail]) : t('editFailed', what);
}
