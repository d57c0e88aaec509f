// "Show message" for tasks made from a chat message: where the view can reach
// PeerTube's chat (the page panel, or the side panel beside the room's tab),
// the task app is given a way to show it; elsewhere rows offer no button.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MessageRef } from '../core/message-ref';
import type { MessageShown } from '../messages';

/** Scrolls the chat to the message and highlights it; resolves to what became of it (gone: the chat no longer has it). */
export type ShowMessage = (ref: MessageRef) => Promise<MessageShown>;

/** What a row calls: shows the message (telling screen readers); the row says when it is gone, where the user looks. */
export const ShowMessageContext = createContext<ShowMessage | null>(null);

export const useShowMessage = () => useContext(ShowMessageContext);
