// Opens the browser's side panel (Chrome) or sidebar (Firefox). Both calls
// are honoured only inside the user's click, so nothing is awaited before.
import { ext } from '../ext';

interface SidePanelApis {
  sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/** Returns the browser's promise, or undefined when the browser has neither. */
export function openSidePanel(tabId: number | undefined): Promise<void> | undefined {
  const api = ext() as unknown as SidePanelApis | undefined;
  if (api?.sidePanel) return api.sidePanel.open({ tabId });
  return api?.sidebarAction?.open();
}
