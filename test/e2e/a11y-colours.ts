// What the a11y tests measure in the page: WCAG contrast from the colours
// the browser actually renders (getComputedStyle), composited over what is
// drawn behind, and axe-core's serious or critical violations. The in-page
// code is plain JavaScript in a string, evaluated once per page: functions
// passed to evaluate() would carry the test transform's helpers with them.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

const TOOLS = String.raw`
globalThis.__lctColours ??= (() => {
  /** [r, g, b, alpha], each 0..1, from rgb(), rgba() or color(srgb …) */
  const parse = (c) => {
    let m = /^rgba?\(([^)]+)\)$/.exec(c);
    if (m) {
      const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
      return [p[0] / 255, p[1] / 255, p[2] / 255, p[3] ?? 1];
    }
    m = /^color\(srgb ([^)]+)\)$/.exec(c);
    if (m) {
      const p = m[1].split(/[\s\/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p[3] ?? 1];
    }
    throw new Error('unreadable colour: ' + c);
  };
  /** top drawn over bottom (alpha compositing) */
  const over = (top, bottom) => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    return [0, 1, 2].map((i) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a).concat(a);
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
  };
  const parentOf = (el) => el.parentElement ?? el.getRootNode().host ?? null;
  /** what is drawn behind el's content: its background and its ancestors', composited, over the white canvas */
  const backdrop = (el) => {
    const layers = [];
    for (let e = el; e; e = parentOf(e)) layers.push(parse(getComputedStyle(e).backgroundColor));
    return layers.reverse().reduce((below, layer) => over(layer, below), [1, 1, 1, 1]);
  };
  const hex = (c) => '#' + c.slice(0, 3).map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('');
  /** drawn on screen: not hidden, and bigger than the 1 px box of text kept for screen readers only */
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && getComputedStyle(el).visibility !== 'hidden';
  };

  return {
    /** the element's own background alpha (1: opaque) */
    alpha: (el) => parse(getComputedStyle(el).backgroundColor)[3],
    /** every piece of text under root (and every field), with its contrast against what is behind it; disabled controls left out (WCAG exempts them) */
    textContrasts(root) {
      const out = [];
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (!shown(el) || el.closest(':disabled')) continue;
        const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
        if (!ownText && !el.matches('input, select, textarea')) continue;
        const bg = backdrop(el);
        const fg = over(parse(getComputedStyle(el).color), bg);
        out.push({ text: (el.textContent || el.value || el.localName).trim().slice(0, 40), ratio: ratio(fg, bg), fg: hex(fg), bg: hex(bg) });
      }
      return out;
    },
    /** the contrast of el's border against what is drawn around it (WCAG 1.4.11, non-text) */
    edgeContrast(el) {
      const around = backdrop(parentOf(el));
      const edge = over(parse(getComputedStyle(el).borderTopColor), around);
      return { ratio: ratio(edge, around), edge: hex(edge), around: hex(around) };
    },
  };
})();
`;

export interface TextContrast {
  text: string;
  ratio: number;
  fg: string;
  bg: string;
}

/** Runs the colour tools in `page`: `use` gets the tools object and the element. */
async function withTools<T>(page: Page, selector: string, use: string): Promise<T> {
  await page.evaluate(TOOLS);
  return page
    .locator(selector)
    .first()
    .evaluate(new Function('el', `return (${use})(globalThis.__lctColours, el);`) as (el: Element) => T);
}

/** Background alpha of the element `selector` finds (Playwright selectors pierce shadow roots). */
export const backgroundAlpha = (page: Page, selector: string) => withTools<number>(page, selector, '(tools, el) => tools.alpha(el)');

/** Contrast of every text under the element `selector` finds. */
export const textContrasts = (page: Page, selector: string) =>
  withTools<TextContrast[]>(page, selector, '(tools, el) => tools.textContrasts(el)');

/** Contrast of the border of the element `selector` finds against its surroundings. */
export const edgeContrast = (page: Page, selector: string) =>
  withTools<{ ratio: number; edge: string; around: string }>(page, selector, '(tools, el) => tools.edgeContrast(el)');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * axe-core's serious and critical violations in the document, or in the open
 * shadow root of the element `shadowHost` names (axe.run on the shadow root).
 */
export async function axeViolations(page: Page, shadowHost?: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(axeSource);
  const script = `(async () => {
    const host = ${JSON.stringify(shadowHost ?? null)};
    const context = host ? document.querySelector(host).shadowRoot : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ': ' + n.failureSummary) }));
  })()`;
  return page.evaluate(script) as Promise<AxeFinding[]>;
}
