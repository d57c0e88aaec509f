// What the popup and the side panel need to know about a tab: its room, or
// why it has none, plus recent rooms and accounts for the pickers.
import type { Problem } from '../core/types';
import type { TabInfo } from '../messages';
import type { Engine } from './engine/engine';
import type { TabRooms } from './tab-rooms';
import { originOfPage } from './origins';

export interface TabInfoDeps {
  engine: Pick<Engine, 'view' | 'recentRooms' | 'accounts'>;
  tabRooms: TabRooms;
  isEnabled(origin: string): Promise<boolean>;
  /** the tab's URL when the browser lets us see it (activeTab, or host permission) */
  tabUrl(tabId: number): Promise<string | undefined>;
}

const REASON_FOR_PROBLEM: Partial<Record<Problem['code'], TabInfo['reason']>> = {
  forbidden: 'not-moderator',
  'not-logged-in': 'not-logged-in',
  auth: 'not-logged-in',
  'no-room': 'no-chat',
};

export async function tabInfo(tabId: number, deps: TabInfoDeps): Promise<TabInfo> {
  const record = deps.tabRooms.get(tabId);
  const origin = record?.origin ?? originOfPage(await deps.tabUrl(tabId));
  const enabled = origin ? await deps.isEnabled(origin) : false;
  const info: TabInfo = { enabled, recent: deps.engine.recentRooms(), accounts: deps.engine.accounts() };
  if (origin) info.origin = origin;
  if (!origin) return { ...info, reason: 'not-peertube' };
  if (!enabled) return { ...info, reason: 'not-enabled' };
  // Enabled, and the content script found no watch page with a chat (or has not yet).
  if (!record) return { ...info, reason: 'not-peertube' };
  if (record.room) {
    if (deps.engine.view(record.room)?.rights === 'none') return { ...info, reason: 'not-moderator' };
    return { ...info, room: record.room };
  }
  const reason = record.problem ? REASON_FOR_PROBLEM[record.problem.code] : undefined;
  return { ...info, ...(reason ? { reason } : {}), ...(record.problem ? { problem: record.problem } : {}) };
}
