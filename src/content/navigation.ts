// PeerTube is a single-page app: the URL changes through history.pushState in
// the page's world, which a content script cannot patch. The Navigation API's
// events (where the browser has it) reach every world and tell at once; a
// slow comparison of location.href (one string compare per tick) is the
// safety net for browsers without it.
const URL_POLL_MS = 1000;

type NavigationEvent = 'currententrychange' | 'navigatesuccess';
interface NavigationLike {
  addEventListener(type: NavigationEvent, cb: () => void): void;
  removeEventListener(type: NavigationEvent, cb: () => void): void;
}
const NAVIGATION_EVENTS: NavigationEvent[] = ['currententrychange', 'navigatesuccess'];

/** Calls `onChange(href)` whenever the page's address changes; returns a stop function. */
export function onUrlChange(win: Window, onChange: (href: string) => void): () => void {
  let last = win.location.href;
  const check = () => {
    const now = win.location.href;
    if (now === last) return;
    last = now;
    onChange(now);
  };
  win.addEventListener('popstate', check);
  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  for (const type of NAVIGATION_EVENTS) navigation?.addEventListener(type, check);
  const timer = setInterval(check, URL_POLL_MS);
  return () => {
    win.removeEventListener('popstate', check);
    for (const type of NAVIGATION_EVENTS) navigation?.removeEventListener(type, check);
    clearInterval(timer);
  };
}
