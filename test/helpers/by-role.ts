// Finding what a user finds, by role and accessible name, in puppeteer-core in
// either browser. puppeteer's own ARIA selectors (::-p-aria) do not serve in
// Firefox: its WebDriver BiDi "accessibility" locator does not descend into
// shadow roots from the document, and it leaves out what `content-visibility:
// auto` skips (the panel's lists and rows out of view), which Chromium's
// accessibility tree keeps. So the names are computed in the page, as a
// screen reader reads them for the markup we write: aria-labelledby, then
// aria-label, then the control's <label> (without the control's own text),
// then the text. Elements hidden from users (aria-hidden, inert,
// display: none) never match, as with Playwright's getByRole.
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';

/** How long a user would wait for something to show before calling it broken. */
export const PATIENCE_MS = 20_000;

/** Retries `read` until the assertion chained on the result passes (vitest's expect.poll with our patience). */
export const eventually = <T>(read: () => T | Promise<T>, timeout = PATIENCE_MS) => expect.poll(read, { timeout, interval: 100 });

export type Role = 'button' | 'checkbox' | 'combobox' | 'dialog' | 'form' | 'heading' | 'region' | 'searchbox' | 'separator' | 'textbox';

/**
 * One step of a query, each inside the element the previous one found (the first one in the
 * whole page, shadow roots included): an element by role and exact accessible name; or a task's
 * row (the `li` of the done box named `row`); or elements matching `css` whose text includes `hasText`.
 */
export type Step = { role: Role; name?: string } | { row: string } | { css: string; hasText?: string };

/** The panel itself, the first step of a query for something in it. */
export const PANEL: Step = { role: 'region', name: 'Task panel' };

/** Every element the steps reach, in the page (runs in the page: self-contained). */
function queryInPage(steps: Step[]): Element[] {
  const ROLE_SELECTORS: Record<string, string> = {
    button: 'button, [role=button]',
    checkbox: 'input[type=checkbox], [role=checkbox]',
    combobox: 'select, [role=combobox]',
    dialog: '[role=dialog]',
    form: 'form[aria-label], form[aria-labelledby]',
    heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
    region: 'section[aria-label], section[aria-labelledby], [role=region]',
    searchbox: 'input[type=search], [role=searchbox]',
    separator: '[role=separator]',
    textbox: 'input:not([type]), input[type=text], textarea, [role=textbox]',
  };
  /** the elements under `scope` matching `selector`, open shadow roots included */
  const deepAll = (scope: Element | Document, selector: string): Element[] => {
    const found: Element[] = [];
    const visit = (root: Element | Document | ShadowRoot) => {
      found.push(...root.querySelectorAll(selector));
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    if (scope instanceof Element && scope.shadowRoot) visit(scope.shadowRoot);
    visit(scope);
    return found;
  };
  const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  /** a label's text, without the text of the controls inside it (a select's options) */
  const labelText = (label: Element) => {
    const copy = label.cloneNode(true) as Element;
    for (const control of copy.querySelectorAll('select, input, textarea')) control.remove();
    return squash(copy.textContent);
  };
  const nameOf = (el: Element): string => {
    const root = el.getRootNode() as Document | ShadowRoot;
    const ids = el.getAttribute('aria-labelledby');
    if (ids)
      return squash(
        ids
          .split(/\s+/)
          .map((id) => root.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    const label = squash(el.getAttribute('aria-label'));
    if (label) return label;
    const labels = (el as HTMLInputElement).labels;
    if (labels?.length) return squash([...labels].map(labelText).join(' '));
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return squash(el.getAttribute('placeholder') ?? el.getAttribute('title'));
    return squash(el.textContent) || squash(el.getAttribute('title'));
  };
  const shown = (el: Element) => !el.closest('[aria-hidden=true], [inert]') && el.checkVisibility();
  let scopes: (Element | Document)[] = [document];
  for (const step of steps) {
    const next = new Set<Element>();
    for (const scope of scopes) {
      if ('role' in step) {
        for (const el of deepAll(scope, ROLE_SELECTORS[step.role]!))
          if (shown(el) && (step.name === undefined || nameOf(el) === step.name)) next.add(el);
      } else if ('row' in step) {
        for (const box of deepAll(scope, ROLE_SELECTORS.checkbox!)) {
          const row = box.closest('li, [role="listitem"]');
          if (row && shown(box) && nameOf(box) === step.row) next.add(row);
        }
      } else {
        for (const el of deepAll(scope, step.css))
          if (shown(el) && (step.hasText === undefined || (el.textContent ?? '').includes(step.hasText))) next.add(el);
      }
    }
    scopes = [...next];
  }
  return scopes as Element[];
}

/** How many elements the steps reach now. */
export function countOf(page: Page, ...steps: Step[]): Promise<number> {
  return page.evaluate(queryInPage, steps).then((found) => found.length);
}

/**
 * The one element the steps reach, once there is exactly one (as Playwright's strict locators);
 * fails after PATIENCE_MS, saying how many there were.
 */
export async function find(page: Page, ...steps: Step[]): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const list = await page.evaluateHandle(queryInPage, steps);
    const count = await list.evaluate((found) => found.length);
    if (count === 1) {
      const one = (await list.evaluateHandle((found) => found[0]!)) as ElementHandle<Element>;
      await list.dispose();
      return one;
    }
    await list.dispose();
    if (Date.now() > deadline) throw new Error(`${count} elements, not one, for ${JSON.stringify(steps)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Clicks the one element the steps reach, as a user would: scrolled into view, at its centre,
 * once nothing covers it there (a list's sticky header over a row, a re-render under way), as
 * Playwright's actionability checks do.
 */
export async function click(page: Page, ...steps: Step[]): Promise<void> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const target = await find(page, ...steps);
    const point = await target.evaluate((el) => {
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const box = el.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const root = el.getRootNode() as Document | ShadowRoot;
      const hit = root.elementFromPoint(x, y);
      return hit && (hit === el || el.contains(hit)) ? { x, y } : null;
    });
    if (point) return page.mouse.click(point.x, point.y);
    if (Date.now() > deadline) throw new Error(`something covers ${JSON.stringify(steps)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Replaces a text field's content with `text`, typed as a user types it. */
export async function fill(page: Page, steps: Step[], text: string): Promise<void> {
  await click(page, ...steps);
  const field = await find(page, ...steps);
  await field.evaluate((el) => (el as HTMLInputElement).select());
  await page.keyboard.press('Backspace');
  await field.type(text);
}

/** Picks the option a user reads as `label` in a select. */
export async function selectOption(page: Page, steps: Step[], label: string): Promise<void> {
  const select = (await find(page, ...steps)) as ElementHandle<HTMLSelectElement>;
  const value = await select.evaluate((s, l) => [...s.options].find((o) => o.textContent === l)?.value, label);
  if (value === undefined) throw new Error(`no option "${label}"`);
  await select.select(value);
}

/** The text of the one element the steps reach, as shown. */
export async function textOf(page: Page, ...steps: Step[]): Promise<string> {
  return (await find(page, ...steps)).evaluate((el) => el.textContent ?? '');
}

/** Resolves once nothing matches the steps any more. */
export const gone = (page: Page, ...steps: Step[]) => eventually(() => countOf(page, ...steps)).toBe(0);

/** Resolves once something matches the steps. */
export const shows = (page: Page, ...steps: Step[]) => eventually(() => countOf(page, ...steps)).toBeGreaterThan(0);
