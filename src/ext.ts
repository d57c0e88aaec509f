// The extension API of whichever browser we run in, for every context
// (background, pages, content scripts). Chrome MV3 and Firefox both return
// promises from the calls we use, and Chrome 148+ has a native `browser`, so
// a tiny lookup replaces webextension-polyfill (whose import throws outside
// an extension, which would break rendering the components in tests, and
// whose ~4 KB would weigh on every bundle).
import type Browser from 'webextension-polyfill';

export type Ext = Browser.Browser;

type Globals = { browser?: Ext; chrome?: Ext };

/**
 * runtime.id of `api`: a string while the extension is there, null once its
 * context is gone (no id; Firefox throws on a dead script's objects),
 * undefined when there is no extension API at all.
 */
function idOf(api: Ext | undefined): string | null | undefined {
  try {
    return api?.runtime ? (api.runtime.id ?? null) : undefined;
  } catch {
    return null;
  }
}

/** The API, or undefined outside an extension (component tests) and once this context is gone. */
export function ext(): Ext | undefined {
  const g = globalThis as Globals;
  return [g.browser, g.chrome].find((api) => typeof idOf(api) === 'string');
}

/**
 * Whether this script belonged to an extension whose context is gone: the
 * extension was reloaded, updated or removed under a page that still runs
 * its content script. The API object stays, without its id, and every call
 * throws "Extension context invalidated"; only a reload of the page helps.
 */
export function extensionContextGone(): boolean {
  const g = globalThis as Globals;
  return !ext() && (idOf(g.browser) === null || idOf(g.chrome) === null);
}

/** The background's API: there the extension is always present. */
export function backgroundExt(): Ext {
  const api = ext();
  if (!api) throw new Error('no extension API in the background');
  return api;
}
