// The states around the task lists: loading, error, no rights,
// reconnecting and skipped items. Each says what happened and, when the
// user can do something, what to do. The page panel loads this on use
// (onUse.ts): a room's first paint shows its lists, or the loading state
// (LoadingState.tsx), and its styles are the parts' (parts.css).
import type { Problem, RoomView } from '../core/types';
import { t, tn, uiLang } from './i18n';
import { LoadingState } from './LoadingState';
import { problemAdvice, problemText } from './problemText';
import './part-styles';

export function ProblemBox({ problem }: { problem: Problem }) {
  const retry = problem.retryAt ? new Date(problem.retryAt).toLocaleTimeString(uiLang()) : undefined;
  return (
    <div class={`lct-notice lct-problem lct-problem-${problem.code}`} role="status">
      <p class="lct-notice-title">{problemText(problem)}</p>
      <p>{problemAdvice(problem)}</p>
      {problem.detail && (
        <p class="lct-detail" dir="auto">
          {problem.detail.slice(0, 500)}
        </p>
      )}
      {retry && <p>{t('retryAt', retry)}</p>}
    </div>
  );
}

/** Replaces the lists entirely: the view has nothing (yet) to show. */
export function BlockingState({ view }: { view: RoomView }) {
  if (view.rights === 'none') {
    return (
      <div class="lct-state lct-no-rights" role="status">
        <p class="lct-notice-title">{t('noRights')}</p>
        <p>{t('noRightsFix')}</p>
      </div>
    );
  }
  if (view.problem) return <ProblemBox problem={view.problem} />;
  return <LoadingState />;
}

/** Above the lists: the session is not live, something went wrong, items were skipped. */
export function Banners({ view }: { view: RoomView }) {
  const reconnecting = view.status !== 'live';
  return (
    <>
      {reconnecting && (
        <div class="lct-notice lct-reconnecting" role="status">
          <p class="lct-notice-title">{t('reconnecting')}</p>
          <p>{t('reconnectingEdits')}</p>
        </div>
      )}
      {view.problem && view.problem.code !== 'malformed' && <ProblemBox problem={view.problem} />}
      {view.skipped.count > 0 && (
        <div class="lct-notice lct-skipped" role="status">
          <p>{tn('skippedItems', view.skipped.count)}</p>
          {view.skipped.sample && (
            <p class="lct-detail" dir="auto">
              {view.skipped.sample.slice(0, 500)}
            </p>
          )}
        </div>
      )}
    </>
  );
}
