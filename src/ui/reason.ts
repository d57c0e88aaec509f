import type { TabInfo } from '../messages';

/** The _locales key telling why a tab has no room. */
export const reasonKey = (reason: NonNullable<TabInfo['reason']>) => `reason_${reason.replace(/-/g, '_')}`;
