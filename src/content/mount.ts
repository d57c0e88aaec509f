// Where the page panel lives. Its host element is a custom tag no page style
// targets, with an open shadow root (styles isolated both ways). It is
// inserted as a sibling just after PeerTube's chat container while the chat
// is open (its own box, no page element restyled; where the chat's parent is
// a flex row, the row's items share its width), or docked at the
// viewport's side (fixed, above the page, bottom-right) when the chat is
// closed or absent.
// PeerTube re-renders the chat on its own schedule, so a throttled observer
// re-checks the place; the check is idempotent and costs two lookups.
export const CONTAINER_ID = 'peertube-plugin-livechat-container';
export const STATE_ATTR = 'peertube-plugin-livechat-state';
export const HOST_TAG = 'lct-task-panel';
export const CHAT_ROOT_TAG = 'converse-root';
export const PLACE_DELAY_MS = 120;

export type Dock = 'chat' | 'side';

const HOST_STYLE: Record<Dock, string> = {
  // min-width 0: in a flex row the panel shrinks with the chat instead of pushing past the window.
  chat: 'display:block;position:relative;box-sizing:border-box;width:100%;min-width:0;max-width:100%;margin:8px 0 0;',
  // Bottom-right, below the height of PeerTube's header, which keeps the user menu reachable.
  side: 'display:block;position:fixed;bottom:0;right:0;z-index:2147483000;max-width:calc(100vw - 16px);',
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
  shadow.append(style, mountPoint);

  let lastDock: Dock | undefined;
  let lastChat: Element | null | undefined;
  const place = () => {
    const container = doc.getElementById(CONTAINER_ID);
    // The plugin's full-page chats have the chat without the container.
    const chat = container ?? doc.querySelector(CHAT_ROOT_TAG);
    const dock = dockFor(container);
    if (dock === 'chat' && container) {
      if (container.nextElementSibling !== host) container.after(host);
    } else if (host.parentElement !== doc.body) {
      doc.body.append(host);
    }
    if (dock !== lastDock) host.style.cssText = HOST_STYLE[dock];
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
