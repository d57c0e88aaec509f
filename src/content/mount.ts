// Where the page panel lives. A moderator's first job is watching the stream
// and the chat, so the panel never takes the player's width:
// - chat open: the panel lives inside the livechat plugin's container, after
//   the chat. Beside the player (PeerTube's wide layout) the container's
//   height is the player row's: the panel shares that column with the chat
//   ("split", a grip between them), and never makes the row taller. Under
//   the player (PeerTube's narrow layout, ≤ 1100 px, or theater mode) the
//   column grows downwards, so the panel simply follows the chat.
// - chat closed: the plugin's column shrinks to its buttons and the player
//   takes the width back; the panel docks under the player row, at the
//   page's right side (below the "Open chat" button), in the page's flow:
//   it covers neither the player nor its controls.
// - no container at all (the plugin's full-page chats, no player): docked
//   at the viewport's bottom-right corner.
// The host is a custom tag no page style targets, with an open shadow root
// (styles isolated both ways). The one page rule we add (a <style> of ours,
// removed with the panel) lets the chat shrink to share its column with the
// panel; it applies only while the panel is there. PeerTube re-renders on
// its own schedule, so a throttled observer re-checks the place; the check is
// idempotent and costs a few lookups.
export const CONTAINER_ID = 'peertube-plugin-livechat-container';
export const STATE_ATTR = 'peertube-plugin-livechat-state';
const HOST_TAG = 'lct-task-panel';
const CHAT_ROOT_TAG = 'converse-root';
/** PeerTube's player row: a flex row beside the chat on wide screens, a column on narrow ones. */
const PLAYER_ROW_ID = 'video-wrapper';
const PLACE_DELAY_MS = 120;
/** In a split column, the chat keeps at least this height (about six messages). */
export const CHAT_MIN_PX = 160;
const SPLIT_STYLE_ID = 'lct-task-panel-split';

type Dock = 'chat' | 'side';

/** Where the panel is, as the frame needs to know it. */
export interface Layout {
  dock: Dock;
  /** the element holding the chat (its container, or the chat itself on full-page chats) */
  chat: Element | null;
  /** where in the page (see the top of this file); in a 'split' the grip is between chat and panel */
  placement: Placement;
  /** in a split, the most height the panel may take (the chat keeps CHAT_MIN_PX) */
  room?: number;
}

type Placement = 'split' | 'under-chat' | 'under-player' | 'fixed';

// contain:inline-size: no content of the panel (a 100,000-character word) can widen the page.
// In the chat's column (a flex column): as wide as the column, as tall as the frame says.
const IN_CHAT_COLUMN = 'display:block;flex:none;box-sizing:border-box;min-width:0;contain:inline-size;margin:0;';
const HOST_STYLE: Record<Placement, string> = {
  split: IN_CHAT_COLUMN,
  'under-chat': IN_CHAT_COLUMN,
  // As wide as the plugin's chat column would be, at the page's right side.
  'under-player': 'display:block;box-sizing:border-box;width:min(420px,100%);contain:inline-size;margin:8px 0 0 auto;',
  // Bottom-right, below the height of PeerTube's header, which keeps the user menu reachable.
  fixed: 'display:block;position:fixed;bottom:0;right:0;z-index:2147483000;width:min(380px,calc(100vw - 16px));',
};

// The plugin gives the chat `height:100%; min-height:max(30vh,300px)`: in a column the
// player's height, that leaves the panel nothing. While the panel splits the column,
// the chat takes what the panel leaves (the frame keeps CHAT_MIN_PX for it).
const SPLIT_CSS = `#${CONTAINER_ID}:has(> ${HOST_TAG}[data-split]) > ${CHAT_ROOT_TAG} { flex: 1 1 0; height: auto; min-height: 0; }
#${CONTAINER_ID}:has(> ${HOST_TAG}[data-split]) converse-muc { min-height: 0; }`;

const dockFor = (container: Element | null): Dock => (container?.getAttribute(STATE_ATTR) === 'open' ? 'chat' : 'side');

/** Beside the player when PeerTube's player row lays its items out in a row. */
function besidePlayer(container: Element): boolean {
  const row = container.closest(`#${PLAYER_ROW_ID}`);
  const view = container.ownerDocument.defaultView;
  return !!row && !!view && view.getComputedStyle(row).flexDirection.startsWith('row');
}

/** Height the panel may take in a split column: the column less its other parts and the chat's minimum. */
function splitRoom(container: Element, host: Element): number {
  let others = 0;
  for (const child of container.children) {
    if (child !== host && child.localName !== CHAT_ROOT_TAG) others += child.getBoundingClientRect().height;
  }
  return Math.floor(container.clientHeight - others - CHAT_MIN_PX);
}

export interface PanelHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** where the panel's components render */
  mountPoint: HTMLElement;
  remove(): void;
}

/**
 * Creates the host with `css` inside its shadow root, places it, and keeps it
 * placed; `onPlace` hears the layout on every change.
 */
export function createPanelHost(doc: Document, css: string, onPlace: (layout: Layout) => void): PanelHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-testid', 'lct-panel-host');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mountPoint = doc.createElement('div');
  shadow.append(style, mountPoint);
  const splitStyle = doc.createElement('style');
  splitStyle.id = SPLIT_STYLE_ID;
  splitStyle.textContent = SPLIT_CSS;

  let last: Layout | undefined;
  let observedContainer: Element | null = null;
  const sizes = typeof ResizeObserver === 'function' ? new ResizeObserver(() => schedule()) : undefined;

  const place = () => {
    const container = doc.getElementById(CONTAINER_ID);
    // The plugin's full-page chats have the chat without the container.
    const chat = container ?? doc.querySelector(CHAT_ROOT_TAG);
    const dock = dockFor(container);
    const placement: Placement = !container ? 'fixed' : dock === 'side' ? 'under-player' : besidePlayer(container) ? 'split' : 'under-chat';

    if (placement === 'split' || placement === 'under-chat') {
      if (container!.lastElementChild !== host) container!.append(host);
    } else if (placement === 'under-player') {
      const after = container!.closest(`#${PLAYER_ROW_ID}`) ?? container!;
      if (after.nextElementSibling !== host) after.after(host);
    } else if (host.parentElement !== doc.body) {
      doc.body.append(host);
    }
    if (placement === 'split') {
      host.setAttribute('data-split', '');
      if (!splitStyle.isConnected) doc.head.append(splitStyle);
    } else {
      host.removeAttribute('data-split');
    }
    if (placement !== last?.placement) host.style.cssText = HOST_STYLE[placement];
    host.setAttribute('data-dock', dock);
    if (container !== observedContainer) {
      if (observedContainer) sizes?.unobserve(observedContainer);
      if (container) sizes?.observe(container);
      observedContainer = container;
    }

    const layout: Layout = { dock, chat, placement, room: placement === 'split' ? splitRoom(container!, host) : undefined };
    const prev = last;
    last = layout;
    if (!prev || prev.dock !== dock || prev.chat !== chat || prev.placement !== placement || prev.room !== layout.room) onPlace(layout);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  function schedule() {
    timer ??= setTimeout(() => {
      timer = undefined;
      place();
    }, PLACE_DELAY_MS);
  }
  const observer = new MutationObserver(schedule);
  place();
  observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: [STATE_ATTR] });

  return {
    host,
    shadow,
    mountPoint,
    remove() {
      observer.disconnect();
      sizes?.disconnect();
      clearTimeout(timer);
      host.remove();
      splitStyle.remove();
    },
  };
}
