// The moderator's guide in Chromium with the built extension: the popup's and
// the options page's Help links open it in a new tab, where it shows the
// shortcut and the permissions of this very build, in light and dark
// (npm run screenshots takes the README's pictures). No backend needed: the guide talks to none.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../demo/browser.mjs';
import { ensureLocalBuild, EXTENSION_DIR } from '../helpers/demo.ts';

let context: BrowserContext;
let extensionId: string;
let profileDir: string;

beforeAll(async () => {
  ensureLocalBuild();
  profileDir = mkdtempSync(join(tmpdir(), 'lct-help-'));
  ({ context, extensionId } = await launchChromium({
    extensionDir: EXTENSION_DIR.chrome,
    profileDir,
    viewport: { width: 900, height: 800 },
  }));
});

afterAll(async () => {
  await context?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

const pageUrl = (path: string) => `chrome-extension://${extensionId}/${path}`;

/** Opens `path`, uses its Help link with `use`, and returns the tab that opened. */
async function guideFrom(path: string, use: (page: Page) => Promise<void>): Promise<Page> {
  const page = await context.newPage();
  try {
    await page.goto(pageUrl(path));
    const [guide] = await Promise.all([context.waitForEvent('page', { timeout: 10_000 }), use(page)]);
    await guide.getByRole('heading', { level: 1 }).waitFor();
    return guide;
  } finally {
    await page.close();
  }
}

describe("the moderator's guide", () => {
  it("opens from the popup's Help link, with the build's shortcut and permissions", async () => {
    const guide = await guideFrom('src/popup/index.html', (popup) => popup.getByRole('link', { name: 'Help' }).click());
    try {
      expect(guide.url()).toBe(pageUrl('src/help/index.html'));
      expect(await guide.title()).toBe('Livechat Tasks: a guide for moderators');
      expect(await guide.locator('html').getAttribute('lang')).toBe('en');
      const shortcuts = guide.getByRole('region', { name: 'Keyboard shortcuts' });
      expect(await shortcuts.locator('dt').first().textContent()).toBe('Alt+Shift+K');
      const permissions = guide.getByRole('region', { name: 'Why it asks for these permissions' });
      expect(await permissions.locator('dt').allTextContents()).toEqual([
        'storage',
        'alarms',
        'scripting',
        'contextMenus',
        'sidePanel',
        'activeTab',
        'notifications',
        'Access to sites',
      ]);
    } finally {
      await guide.close();
    }
  });

  it('opens from the options page with the keyboard, and its contents links move to their section', async () => {
    const guide = await guideFrom('src/options/index.html', async (options) => {
      const link = options.getByRole('link', { name: 'Help' });
      await link.focus();
      await options.keyboard.press('Enter');
    });
    try {
      await guide.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'Keyboard shortcuts' }).click();
      expect(new URL(guide.url()).hash).toBe('#keys');
      await expect
        .poll(() => guide.getByRole('heading', { name: 'Keyboard shortcuts' }).evaluate((h) => Math.round(h.getBoundingClientRect().top)))
        .toBeLessThan(40);
    } finally {
      await guide.close();
    }
  });

  it("follows the system's light and dark themes, legibly", async () => {
    const guide = await context.newPage();
    try {
      await guide.goto(pageUrl('src/help/index.html'));
      await guide.getByRole('heading', { level: 1 }).waitFor();
      const colours = () =>
        guide.getByRole('main').evaluate((main) => {
          const channels = (c: string) =>
            c
              .match(/\d+(\.\d+)?/g)!
              .slice(0, 3)
              .map(Number);
          const s = getComputedStyle(main);
          return { fg: channels(s.color), bg: channels(s.backgroundColor) };
        });
      const luminance = ([r, g, b]: number[]) =>
        [r!, g!, b!]
          .map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      const contrast = (a: number[], b: number[]) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi! + 0.05) / (lo! + 0.05);
      };
      for (const scheme of ['light', 'dark'] as const) {
        await guide.emulateMedia({ colorScheme: scheme });
        const { fg, bg } = await colours();
        expect(luminance(bg) > 0.5, `${scheme} background`).toBe(scheme === 'light');
        expect(contrast(fg, bg), `${scheme} text contrast`).toBeGreaterThan(7);
      }
    } finally {
      await guide.close();
    }
  });
});
