// What the popup says: exactly one status for each state, in plain words.
// Reasons, problems, the last action and the room's rights used to each add
// their own line, which repeated itself ("not a moderator" three ways) or
// contradicted itself (right after Enable). One function decides, so every
// state has one message; a technical detail (a server's error text) goes
// behind a "Details" disclosure, never in the message.
import type { RoomView } from '../core/types';
import type { TabInfo } from '../messages';
import { t } from '../ui/i18n';
import { problemAdvice, problemText } from '../ui/problemText';
import { reasonKey } from '../ui/reason';
import type { ToggleOutcome } from './InstanceToggle';

export interface PopupStatus {
  /** the message: a sentence, and sometimes what to do next */
  text: string;
  next?: string;
  /** technical detail for the "Details" disclosure */
  detail?: string;
  /** alert: something the user asked for went wrong */
  alert?: boolean;
  /** the reason the tab has no room (for tests and styling) */
  reason?: TabInfo['reason'];
}

export interface PopupState {
  info?: TabInfo;
  /** the room shown: the tab's, or the last one used */
  view?: RoomView;
  /** the last enable/disable click: 'enabled', or the message it ended with */
  action?: ToggleOutcome;
  /** the background could not answer */
  failure?: string;
}

export function popupStatus(s: PopupState): PopupStatus | undefined {
  if (s.failure) return { text: s.failure, alert: true };
  const { info, view } = s;
  if (s.action && s.action !== 'enabled') return { text: s.action.message, ...(s.action.alert ? { alert: true } : {}) };
  if (!info) return undefined;
  if (s.action === 'enabled') {
    if (info.room) return { text: t('enabledPanelShown') };
    // the content script has not reported a watch page (yet): it is not one, or it needs a reload
    if (!info.reason || info.reason === 'not-peertube') return { text: t('enabledReload') };
  }
  const detail = info.problem?.detail?.slice(0, 500);
  if (!info.room) {
    const usable = !!view && view.rights !== 'none';
    if (!info.reason && info.problem) {
      return { text: problemText(info.problem), next: problemAdvice(info.problem), ...(detail ? { detail } : {}) };
    }
    const text = info.reason ? t(reasonKey(info.reason)) : t('popupNoRoom');
    // what now: the last room takes the tasks, or the Enable button is the way, or there is nowhere yet
    const next = usable ? t('popupLastRoom') : info.reason && info.reason !== 'not-enabled' ? t('popupNoRoom') : undefined;
    return { text, ...(next ? { next } : {}), ...(detail ? { detail } : {}), ...(info.reason ? { reason: info.reason } : {}) };
  }
  if (!view) return { text: t('loading') };
  if (view.rights === 'none') return { text: t('noRights'), next: t('noRightsFix') };
  if (view.problem && view.problem.code !== 'malformed') {
    const viewDetail = view.problem.detail?.slice(0, 500);
    return { text: problemText(view.problem), next: problemAdvice(view.problem), ...(viewDetail ? { detail: viewDetail } : {}) };
  }
  return undefined;
}
