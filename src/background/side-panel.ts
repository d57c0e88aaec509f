// Chrome's side panel: the action keeps its popup (quick-add), and the
// popup opens the panel from the user's click (sidePanel.open needs a
// gesture). Firefox has a sidebar instead, declared in its manifest.
// Either follows the active tab: the background tells it when what a tab
// shows changes (bg/tab-room), the browser when the user switches tabs.
import type { BackgroundToView } from '../messages';
import type { TabRooms } from './tab-rooms';

interface SidePanelLike {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

export async function keepPopupOnAction(sidePanel: SidePanelLike | undefined): Promise<void> {
  await sidePanel?.setPanelBehavior({ openPanelOnActionClick: false });
}

/** Sends `bg/tab-room` to the extension's pages whenever a tab's room changes; returns a function that stops it. */
export function tellViewsOfTabRooms(
  tabRooms: Pick<TabRooms, 'subscribe'>,
  runtime: { sendMessage(message: BackgroundToView): Promise<unknown> },
): () => void {
  return tabRooms.subscribe((tabId) => {
    // With no page open the browser rejects ("Receiving end does not exist"): nobody to tell.
    runtime.sendMessage({ type: 'bg/tab-room', tabId }).catch(() => {});
  });
}
