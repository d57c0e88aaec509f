// What a moderator checks on the watch page with the task panel, as numbers
// read from the rendered page, in any browser: the checks take a page-like
// object (Playwright's and puppeteer's pages both fit through a small
// adapter), so that Chromium and firefox-esr run the same ones.
//   - the video keeps at least 90 % of the width it has without the panel;
//   - the page does not overflow sideways;
//   - every control of the open panel is inside the viewport's width and
//     inside the panel (nothing cut off); its title bar and grip can be
//     scrolled into view;
//   - folding the panel gives its space back (to the chat beside the player);
//   - the grip resizes the panel by as much as it is dragged.
// "Without the panel" is measured on the same page: the panel's host and our
// one page style are taken out, the page laid out and measured, and both put
// back, in one synchronous step (no observer runs in between).
import { expect } from 'vitest';

export interface Size {
  width: number;
  height: number;
}

/** The little the checks need of a browser page. */
export interface LayoutPage {
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  setViewport(size: Size): Promise<void>;
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
  };
}

export const SIZES: Size[] = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];
export const THEMES = ['light', 'dark'] as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Measure {
  viewportWidth: number;
  scrollWidth: number;
  video: Box;
  chat?: Box;
  frame?: Box;
  placement?: string;
  /** PeerTube's player row lays out the chat beside the player (a row) or under it */
  chatBeside: boolean;
  collapsed?: boolean;
  /** the open panel's visible controls: what, and where */
  controls: { name: string; box: Box }[];
}

/** Runs in the page: the boxes the checks compare. With `withoutPanel`, of the page as it is without the panel. */
function measureInPage(withoutPanel: boolean): Measure {
  const box = (el: Element | null | undefined) => {
    if (!el) return undefined;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  const host = document.querySelector('lct-task-panel');
  const splitStyle = document.getElementById('lct-task-panel-split');
  const hostPlace = host && { parent: host.parentNode!, next: host.nextSibling };
  const stylePlace = splitStyle && { parent: splitStyle.parentNode!, next: splitStyle.nextSibling };
  if (withoutPanel) {
    host?.remove();
    splitStyle?.remove();
  }
  try {
    const frame = withoutPanel ? null : host?.shadowRoot?.querySelector('[data-testid="lct-panel"]');
    const frameBox = box(frame);
    // The controls in the panel's visible part (the others are scrolled out of it, and lists out of
    // view skip layout with content-visibility: Firefox then reports their boxes from an old layout).
    const controls =
      frame && frameBox
        ? [...frame.querySelectorAll('button, input, select, textarea, a[href], [role="separator"]')]
            .map((el) => ({ name: el.getAttribute('aria-label') || el.textContent?.trim() || el.localName, box: box(el)! }))
            .filter((c) => c.box.width > 0 && c.box.height > 0)
            .filter((c) => c.box.y + c.box.height / 2 >= frameBox.y && c.box.y + c.box.height / 2 <= frameBox.y + frameBox.height)
        : [];
    return {
      viewportWidth: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
      video: box(document.querySelector('.video-js'))!,
      chat: box(document.querySelector('#peertube-plugin-livechat-container > converse-root')),
      frame: frameBox,
      placement: frame?.getAttribute('data-placement') ?? undefined,
      chatBeside: getComputedStyle(document.getElementById('video-wrapper')!).flexDirection.startsWith('row'),
      collapsed: frame ? frame.querySelector('[data-testid="lct-panel-toggle"]')?.getAttribute('aria-expanded') === 'false' : undefined,
      controls,
    };
  } finally {
    if (withoutPanel) {
      if (stylePlace) stylePlace.parent.insertBefore(splitStyle!, stylePlace.next);
      if (hostPlace) hostPlace.parent.insertBefore(host!, hostPlace.next);
    }
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Measures until two readings in a row agree (the panel re-places itself after a resize, throttled). */
async function settled(page: LayoutPage): Promise<Measure> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await page.evaluate(measureInPage, false);
    const key = JSON.stringify([now.video, now.frame, now.chat, now.placement]);
    // the panel has followed a change of PeerTube's layout (it re-checks its place, throttled)
    const placed = now.placement !== 'split' && now.placement !== 'under-chat' ? true : (now.placement === 'split') === now.chatBeside;
    if (key === last && now.frame && placed) return now;
    last = key;
    await pause(150);
  }
  throw new Error(`the page did not settle: ${last}`);
}

/** Clicks an element of the panel's shadow root, as a user's click reaches it. */
async function clickInPanel(page: LayoutPage, selector: string): Promise<void> {
  const clicked = await page.evaluate((sel) => {
    const el = document.querySelector('lct-task-panel')?.shadowRoot?.querySelector<HTMLElement>(sel);
    el?.click();
    return !!el;
  }, selector);
  if (!clicked) throw new Error(`nothing to click at ${selector}`);
}

/** Sets the demo's theme with its theme button, as a user switches PeerTube's theme. */
export async function setTheme(page: LayoutPage, theme: (typeof THEMES)[number]): Promise<void> {
  await page.evaluate((wanted) => {
    if (document.documentElement.dataset.theme !== wanted) document.getElementById('theme-toggle')!.click();
  }, theme);
}

function expectInside(m: Measure, where: string) {
  expect(m.scrollWidth, `${where}: the page overflows sideways`).toBeLessThanOrEqual(m.viewportWidth);
  const frame = m.frame!;
  for (const c of m.controls) {
    expect(c.box.x, `${where}: "${c.name}" starts left of the viewport`).toBeGreaterThanOrEqual(0);
    expect(c.box.x + c.box.width, `${where}: "${c.name}" ends right of the viewport`).toBeLessThanOrEqual(m.viewportWidth + 0.5);
    expect(c.box.x + c.box.width, `${where}: "${c.name}" is cut off by the panel's right edge`).toBeLessThanOrEqual(
      frame.x + frame.width + 0.5,
    );
    expect(c.box.x, `${where}: "${c.name}" is cut off by the panel's left edge`).toBeGreaterThanOrEqual(frame.x - 0.5);
  }
}

/** Drags the grip by `dy` px (positive: down) with the mouse; resolves once the panel has its new height. */
export async function dragGrip(page: LayoutPage, dy: number): Promise<void> {
  const grip = await page.evaluate(() => {
    const el = document.querySelector('lct-task-panel')?.shadowRoot?.querySelector('[role="separator"]');
    el?.scrollIntoView({ block: 'center' });
    const r = el?.getBoundingClientRect();
    return r && { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, null);
  if (!grip) throw new Error('the panel shows no grip');
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  await page.mouse.move(grip.x, grip.y + dy, { steps: 8 });
  await page.mouse.up();
}

/**
 * At `size`, with the chat open: the video's width, no sideways overflow,
 * every control inside, folding gives the space back, the grip resizes.
 * The panel must be shown and open when called; it is left so.
 */
export async function checkChatOpenLayout(page: LayoutPage, size: Size, where: string): Promise<void> {
  await page.setViewport(size);
  await page.evaluate(() => window.scrollTo(0, 0), null);
  const open = await settled(page);
  const bare = await page.evaluate(measureInPage, true);
  expect(open.collapsed, `${where}: the panel is open`).toBe(false);
  expect(open.video.width, `${where}: video width with the panel, against ${bare.video.width}px without`).toBeGreaterThanOrEqual(
    0.9 * bare.video.width,
  );
  expect(open.video.height, `${where}: the video's height`).toBeGreaterThanOrEqual(0.9 * bare.video.height);
  expectInside(open, where);
  // the panel's title bar and grip are reachable: scrolled into view, they are inside the viewport
  const bar = await page.evaluate(() => {
    const frame = document.querySelector('lct-task-panel')?.shadowRoot?.querySelector('[data-testid="lct-panel"]');
    frame?.scrollIntoView({ block: 'nearest' });
    const r = frame?.getBoundingClientRect();
    return r && { top: r.top, bottom: r.bottom, innerHeight };
  }, null);
  expect(bar!.top, `${where}: the panel's top scrolls into view`).toBeGreaterThanOrEqual(0);
  expect(bar!.bottom, `${where}: the panel's bottom scrolls into view`).toBeLessThanOrEqual(bar!.innerHeight + 0.5);

  // beside the player the panel shares the chat's column: the row keeps its height
  if (open.placement === 'split') {
    expect(open.frame!.y + open.frame!.height, `${where}: the panel ends with the player row`).toBeLessThanOrEqual(
      open.video.y + open.video.height + 1,
    );
  }

  // folding gives the space back: the chat grows by the panel's height, the video keeps its width
  await clickInPanel(page, '[data-testid="lct-panel-toggle"]');
  const folded = await settled(page);
  expect(folded.collapsed).toBe(true);
  expect(folded.frame!.height, `${where}: the folded panel is only its title bar`).toBeLessThanOrEqual(48);
  expect(folded.video.width).toBeGreaterThanOrEqual(0.9 * bare.video.width);
  if (open.placement === 'split') {
    expect(folded.chat!.height, `${where}: the chat takes back the panel's height`).toBeGreaterThanOrEqual(
      bare.chat!.height - folded.frame!.height - 2,
    );
  }
  await clickInPanel(page, '[data-testid="lct-panel-toggle"]');
  const reopened = await settled(page);
  expect(reopened.frame!.height).toBeCloseTo(open.frame!.height, 0);

  // the grip: dragging it 60 px towards the panel makes the panel 60 px smaller, dragging back restores it
  const towardsPanel = open.placement === 'split' ? 60 : -60;
  await dragGrip(page, towardsPanel);
  const smaller = await settled(page);
  expect(smaller.frame!.height, `${where}: the grip made the panel smaller`).toBeCloseTo(open.frame!.height - 60, -1);
  await dragGrip(page, -towardsPanel);
  const back = await settled(page);
  expect(back.frame!.height, `${where}: the grip made the panel taller again`).toBeCloseTo(open.frame!.height, -1);
  await page.evaluate(() => window.scrollTo(0, 0), null);
}

/** At `size`, with the chat closed: the panel is under the player, which keeps its width. */
export async function checkChatClosedLayout(page: LayoutPage, size: Size, where: string): Promise<void> {
  await page.setViewport(size);
  const docked = await settled(page);
  const bare = await page.evaluate(measureInPage, true);
  expect(docked.placement).toBe('under-player');
  expect(docked.video.width, `${where}: video width with the panel, against ${bare.video.width}px without`).toBeGreaterThanOrEqual(
    0.9 * bare.video.width,
  );
  expect(docked.frame!.y, `${where}: the panel is below the player`).toBeGreaterThanOrEqual(docked.video.y + docked.video.height);
  expectInside(docked, where);
}

/** The panel's height once the page has settled. */
export async function panelHeight(page: LayoutPage): Promise<number> {
  return (await settled(page)).frame!.height;
}
