// "Show message" for the side panel, which has no chat of its own: the
// background asks the content script of a tab showing the room's chat, in
// the side panel's window (the one beside it; a tab of another window would
// scroll where the user is not looking), the active tab first.
import type { MessageRef } from '../core/message-ref';
import type { RoomRef } from '../core/types';
import type { BackgroundToContent, ContentReplies, MessageShown } from '../messages';

export interface ShowMessageDeps {
  /** tabs whose content script reported this room */
  tabsOf(room: RoomRef): number[];
  /** the tab's window and whether it is the active one there; undefined when it is closed */
  tabPlace(tabId: number): Promise<{ windowId: number; active: boolean } | undefined>;
  /** the content script's reply, or undefined when none came (no panel there, the tab navigated away) */
  askTab(tabId: number, message: BackgroundToContent): Promise<unknown>;
}

const isReply = (r: unknown): r is ContentReplies['bg/show-message'] => typeof (r as { shown?: unknown } | null)?.shown === 'boolean';

export async function showMessageInTab(deps: ShowMessageDeps, room: RoomRef, ref: MessageRef, windowId: number): Promise<MessageShown> {
  const placed = await Promise.all(deps.tabsOf(room).map(async (tabId) => ({ tabId, place: await deps.tabPlace(tabId) })));
  const here = placed.filter((t) => t.place?.windowId === windowId).sort((a, b) => Number(b.place!.active) - Number(a.place!.active));
  let answered = false;
  for (const { tabId } of here) {
    const reply = await deps.askTab(tabId, { type: 'bg/show-message', ref });
    if (!isReply(reply)) continue;
    if (reply.shown) return 'shown';
    answered = true;
  }
  return answered ? 'gone' : 'no-chat';
}
