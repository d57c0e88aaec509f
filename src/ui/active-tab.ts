// The tab the popup or side panel is about: the active tab of its window.
import { ext } from '../ext';

export interface ActiveTab {
  id: number;
  windowId?: number;
}

export async function activeTab(): Promise<ActiveTab | undefined> {
  const [tab] = (await ext()?.tabs.query({ active: true, currentWindow: true })) ?? [];
  return tab?.id === undefined ? undefined : { id: tab.id, windowId: tab.windowId };
}
