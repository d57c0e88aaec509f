// Tests that look, in Chromium, in PeerTube's light and dark themes: the
// page panel, its dialogs, the chat message's action, the popup, the side
// panel and the options page, as rendered. axe-core finds no serious or
// critical violation; every dialog is opaque and its text has a contrast of
// at least 4.5:1 against what is drawn behind it; the chat action's edge at
// least 3:1 against the chat; the popup is at least 320 px wide and says one
// thing. With LCT_A11Y_SHOTS=<folder> it also saves screenshots there (keep
// them out of git: .tmp/ is ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gone, openWithPuppeteer, panelOf, PATIENCE_MS, startWithAlice, taskRow, visible, type UserBrowser } from '../helpers/browser.ts';
import type { DemoStack } from '../helpers/demo.ts';
import { axeViolations, backgroundAlpha, edgeContrast, textContrasts, type TextContrast } from './a11y-colours.ts';

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const SHOTS = process.env.LCT_A11Y_SHOTS;

let stack: DemoStack;
let alice: UserBrowser;
let watchUrl: string;

beforeAll(async () => {
  ({ stack, alice } = await startWithAlice());
  watchUrl = alice.page.url().split('?')[0]!;
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await alice?.close();
  await stack?.stop();
});

async function shot(target: Page | Locator, name: string) {
  if (SHOTS) await target.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The watch page in PeerTube's `theme` (the system's scheme alike), with the panel's tasks shown. */
async function watchPage(theme: Theme): Promise<Page> {
  const page = alice.page;
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(`${watchUrl}?theme=${theme}`);
  await visible(panelOf(page).locator('.lct-task'));
  return page;
}

/** One of the extension's pages in a tab, in the system colour scheme `theme`. */
async function extensionPage(path: string, theme: Theme): Promise<Page> {
  const page = await alice.context.newPage();
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(`chrome-extension://${alice.extensionId}/${path}`);
  return page;
}

const tooLow = (contrasts: TextContrast[], min: number) => contrasts.filter((c) => c.ratio < min);

/** The open dialog: opaque, every text legible, nothing serious for axe, closed by Escape with focus back on `opener`. */
async function checkDialog(page: Page, name: string, opener: Locator, shotName: string) {
  const dialog = page.getByRole('dialog', { name });
  await visible(dialog);
  const selector = `[role="dialog"][aria-label="${name}"]`;
  expect(await backgroundAlpha(page, selector)).toBe(1);
  const contrasts = await textContrasts(page, selector);
  expect(contrasts.length).toBeGreaterThan(2);
  expect(tooLow(contrasts, 4.5)).toEqual([]);
  expect(await axeViolations(page, 'lct-task-panel')).toEqual([]);
  await shot(page, shotName);
  await page.keyboard.press('Escape');
  await gone(dialog);
  expect(await opener.evaluate((el) => el === (el.getRootNode() as Document | ShadowRoot).activeElement)).toBe(true);
}

describe.each(THEMES)('in the %s theme', (theme) => {
  it('the page panel: no serious or critical axe violation, its text legible', async () => {
    const page = await watchPage(theme);
    expect(await axeViolations(page, 'lct-task-panel')).toEqual([]);
    expect(tooLow(await textContrasts(page, '[data-testid="lct-panel"]'), 4.5)).toEqual([]);
    await shot(page, `watch-${theme}`);
  });

  it('the delete confirmation and "Move to list…": opaque, legible, closed by Escape with focus back', async () => {
    const page = await watchPage(theme);
    const row = taskRow(page, 'Check sound levels');
    const remove = row.getByRole('button', { name: 'Delete task' });
    await remove.click();
    await checkDialog(page, 'Delete this task?', remove, `dialog-delete-${theme}`);
    const move = row.getByRole('button', { name: 'Move to list…' });
    await move.click();
    await checkDialog(page, 'Move the task to a list', move, `dialog-move-${theme}`);
  });

  it("the chat message's action: labelled, its edge at least 3:1 against the chat, opens by keyboard a legible opaque dialog", async () => {
    const page = await watchPage(theme);
    const action = page.locator('converse-chat-message').first().getByRole('button', { name: 'Create a task from this message' });
    await visible(action);
    const edge = await edgeContrast(page, '[data-lct-task-action] >> button');
    expect(edge.ratio, JSON.stringify(edge)).toBeGreaterThanOrEqual(3);
    await action.focus();
    await page.keyboard.press('Enter');
    await checkDialog(page, 'Create a task from a chat message', action, `dialog-chat-task-${theme}`);
  });

  it("the Notes tab, opened from the notes marker of a chat message: no serious or critical axe violation, its text legible; the marker's edge at least 3:1", async () => {
    const page = await watchPage(theme);
    const marker = page.locator('converse-chat-message').first().getByRole('button', { name: '1 note' });
    await visible(marker);
    const edge = await edgeContrast(page, '[data-lct-task-action] >> button.marker');
    expect(edge.ratio, JSON.stringify(edge)).toBeGreaterThanOrEqual(3);
    await marker.click();
    await visible(panelOf(page).getByRole('group', { name: 'Notes about this person' }));
    expect(await axeViolations(page, 'lct-task-panel')).toEqual([]);
    expect(tooLow(await textContrasts(page, '[data-testid="lct-panel"]'), 4.5)).toEqual([]);
    await shot(page, `notes-${theme}`);
    await panelOf(page).getByRole('tab', { name: 'Tasks' }).click(); // as the other tests expect it
  });

  it('the popup: at least 320 px of layout, one status, no serious or critical axe violation', async () => {
    const popup = await extensionPage('src/popup/index.html', theme);
    try {
      // its own tab has no room: the status says why, and quick-add goes to the last room alice used
      await visible(popup.getByRole('heading', { name: /^Room: / }));
      const statuses = await popup
        .locator('[role="status"], [role="alert"]')
        .evaluateAll((els) =>
          els.filter((el) => !el.closest('[hidden]') && el.textContent!.trim() !== '').map((el) => el.textContent!.trim()),
        );
      expect(statuses).toEqual([
        'This tab is not a PeerTube page with the livechat plugin. Tasks you add here go to the last room you used.',
      ]);
      expect(await popup.evaluate(() => document.body.getBoundingClientRect().width)).toBeGreaterThanOrEqual(320);
      expect(await axeViolations(popup)).toEqual([]);
      expect(tooLow(await textContrasts(popup, 'main'), 4.5)).toEqual([]);
      await shot(popup.locator('body'), `popup-${theme}`);
    } finally {
      await popup.close();
    }
  });

  it('the side panel and the options page: no serious or critical axe violation, text legible', async () => {
    for (const [name, path] of [
      ['sidepanel', 'src/sidepanel/index.html'],
      ['options', 'src/options/index.html'],
    ] as const) {
      const page = await extensionPage(path, theme);
      try {
        await page.setViewportSize({ width: name === 'sidepanel' ? 400 : 900, height: 800 });
        await visible(page.locator('main button').first());
        expect(await axeViolations(page), name).toEqual([]);
        expect(tooLow(await textContrasts(page, 'main'), 4.5), name).toEqual([]);
        await shot(page, `${name}-${theme}`);
      } finally {
        await page.close();
      }
    }
  });
});

describe('the real toolbar popup', () => {
  it("opens at least 320 px wide over the watch page (no viewport clamp), and has nothing to explain on alice's own room", async () => {
    // Playwright does not see the toolbar popup's page; puppeteer opens it from the worker, as a click does
    const user = await openWithPuppeteer(stack.demo.url, 'alice');
    try {
      const popup = await user.openPopup();
      await popup.waitForSelector('::-p-text(Room: )', { timeout: PATIENCE_MS });
      expect(await popup.evaluate(() => window.innerWidth)).toBeGreaterThanOrEqual(320);
      expect(await popup.evaluate(() => document.querySelector('[data-testid="popup-status"]')!.textContent)).toBe('');
      if (SHOTS) await popup.screenshot({ path: join(SHOTS, 'popup-real.png') });
    } finally {
      await user.close();
    }
  });
});
