// The extension API of whichever browser we run in, or undefined outside an
// extension (component tests). Chrome MV3 and Firefox both return promises
// from the calls we use, and Chrome 148+ has a native `browser`, so a tiny
// lookup replaces webextension-polyfill (whose import throws outside an
// extension, which would break rendering the components in tests).
import type Browser from 'webextension-polyfill';

export type Ext = Browser.Browser;

export function ext(): Ext | undefined {
  const g = globalThis as { browser?: Ext; chrome?: Ext };
  if (g.browser?.runtime?.id) return g.browser;
  if (g.chrome?.runtime?.id) return g.chrome;
  return undefined;
}
