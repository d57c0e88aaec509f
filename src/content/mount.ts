// Where the page panel lives. Its host element is a custom tag no page style
// targets, with an open shadow root (styles isolated both ways). It is
// inserted as a sibling just after PeerTube's chat container, in the page's
// flow (its own box, no page element restyled; where the chat's parent is a
// flex row, the row's items share its width): below the chat while the chat
// is open, and in the chat's place, beside the plugin's "Open chat" button,
// while it is closed. Floating above the page would cover that button and
// PeerTube's header. Only where there is no container at all (the plugin's
// full-page chats) it is docked at the viewport's side (fixed, bottom-right).
// PeerTube re-renders the chat on its own schedule, so a throttled observer
// re-checks the place; the check is idempotent and costs two lookups.
export const CONTAINER_ID = 'peertube-plugin-livechat-container';
export const STATE_ATTR = 'peertube-plugin-livechat-state';
export const HOST_TAG = 'lct-task-panel';
export const CHAT_ROOT_TAG = 'converse-root';
export const PLACE_DELAY_MS = 120;

export type Dock = 'chat' | 'side';

type Placement = 'below-chat' | 'beside-closed-chat' | 'fixed';

const HOST_STYLE: Record<Placement, string> = {
  // contain:inline-size: no content of the panel (a 100,000-character word) can widen the page's
  // row; in a flex row (the chat beside it) its width comes from min-width, not from its content.
  'below-chat': 'display:block;position:relative;box-sizing:border-box;width:100%;min-width:32rem;max-width:100%;contain:inline-size;margin:8px 0 0;',
  // As wide as the frame asks (the user's width), never wider than the row; as tall as the row, where it is one.
  'beside-closed-chat': 'display:block;position:relative;box-sizing:border-box;min-width:0;max-width:100%;margin:0;',
  // Bottom-right, below the height of PeerTube's header, which keeps the user menu reachable.
  fixed: 'display:block;position:fixed;bottom:0;right:0;z-index:2147483000;max-width:calc(100vw - 16px);',
};

export const dockFor = (container: Element | null): Dock =>
  container?.getAttribute(STATE_ATTR) === 'open' ? 'chat' : 'side';

export interface PanelHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** where the panel's components render */
  mountPoint: HTMLElement;
  remove(): void;
}

/**
 * Creates the host with `css` inside its shadow root, places it, and keeps it
 * placed; `onPlace` hears the dock and the element holding the chat (the
 * chat container, or the chat itself on full-page chats) on every change.
 */
export function createPanelHost(
  doc: Document,
  css: string,
  onPlace: (dock: Dock, chat: Element | null) => void,
): PanelHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-testid', 'lct-panel-host');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mountPoint = doc.createElement('div');
  // the frame may fill the host's height (beside the closed chat, a row's height)
  mountPoint.style.height = '100%';
  shadow.append(style, mountPoint);

  let lastPlacement: Placement | undefined;
  let lastDock: Dock | undefined;
  let lastChat: Element | null | undefined;
  const place = () => {
    const container = doc.getElementById(CONTAINER_ID);
    // The plugin's full-page chats have the chat without the container.
    const chat = container ?? doc.querySelector(CHAT_ROOT_TAG);
    const dock = dockFor(container);
    const placement: Placement = !container ? 'fixed' : dock === 'chat' ? 'below-chat' : 'beside-closed-chat';
    if (container) {
      if (container.nextElementSibling !== host) container.after(host);
    } else if (host.parentElement !== doc.body) {
      doc.body.append(host);
    }
    if (placement !== lastPlacement) host.style.cssText = HOST_STYLE[placement];
    lastPlacement = placement;
    host.setAttribute('data-dock', dock);
    if (dock !== lastDock || chat !== lastChat) {
      lastDock = dock;
      lastChat = chat;
      onPlace(dock, chat);
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      place();
    }, PLACE_DELAY_MS);
  });
  place();
  observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: [STATE_ATTR] });

  return {
    host,
    shadow,
    mountPoint,
    remove() {
      observer.disconnect();
      clearTimeout(timer);
      host.remove();
    },
  };
}
