// What a room shows until its first fetch: the one state of StateNotices.tsx
// that a first paint shows (a cold start), so it is not loaded on use with
// the others.
import { t } from './i18n';

export function LoadingState() {
  return (
    <div class="lct-state lct-loading" role="status" aria-busy="true">
      <span class="lct-spinner" aria-hidden="true" />
      <p>{t('loading')}</p>
    </div>
  );
}

/** Whether BlockingState (StateNotices.tsx) would show the loading state: nothing is wrong, the room is just not there yet. */
export const onlyLoading = (view: { rights: string; problem?: unknown }) => view.rights !== 'none' && !view.problem;
