// The action's badge: how many tasks are not done in the room the tab
// shows, per tab, updated live; nothing on tabs without a room.
import { openTasksCount } from '../core/room-query';
import type { RoomView } from '../core/types';
import type { RoomViewConsumer } from './room-follower';

export interface ActionLike {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
  setTitle(details: { tabId?: number; title: string | null }): Promise<void>;
}

/** Nothing until the tasks are known, and nothing to a user who may not see them. */
export function badgeText(view: RoomView): string {
  if (!view.loaded || view.rights === 'none') return '';
  const count = openTasksCount(view.items);
  return count > 999 ? '999+' : String(count);
}

const NORMAL_COLOR = '#3b4a5c';
const PROBLEM_COLOR = '#b3261e';
const PROBLEM_SHOWN_MS = 5000;

export class Badge implements RoomViewConsumer {
  private texts = new Map<number, string>();

  constructor(private readonly action: ActionLike) {}

  onView(view: RoomView, tabIds: number[]) {
    const text = badgeText(view);
    for (const tabId of tabIds) this.show(tabId, text);
  }

  onTabWithoutRoom(tabId: number) {
    this.texts.delete(tabId);
    this.show(tabId, '');
  }

  /** Brief feedback on a tab when something done from the menu failed; the title says what. */
  flashProblem(tabId: number, message: string) {
    void this.apply(tabId, '!', PROBLEM_COLOR, message);
    setTimeout(() => void this.apply(tabId, this.texts.get(tabId) ?? '', NORMAL_COLOR, null), PROBLEM_SHOWN_MS);
  }

  private show(tabId: number, text: string) {
    this.texts.set(tabId, text);
    void this.apply(tabId, text, NORMAL_COLOR, undefined);
  }

  private async apply(tabId: number, text: string, color: string, title: string | null | undefined) {
    try {
      await this.action.setBadgeBackgroundColor({ tabId, color });
      await this.action.setBadgeText({ tabId, text });
      // null puts back the manifest's title
      if (title !== undefined) await this.action.setTitle({ tabId, title });
    } catch {
      // The tab closed meanwhile: nothing left to show there.
    }
  }
}
