// Every user-facing string goes through t(). In the extension the strings
// come from _locales via i18n.getMessage; outside an extension (component
// tests) from a catalog installed with installCatalog() (i18n-catalog.ts),
// read from the same messages.json files, so tests see the real texts.
//
// Plurals: a key `k` with a count uses `k_<category>` where the category is
// chosen by Intl.PluralRules for the language of the catalog actually in use
// (the `lang` message of each messages.json), e.g. 0 is "other" in English
// and "one" in French. `k_other` is the fallback.
import { ext } from '../ext';

/** Where messages come from when there is no extension i18n API (see i18n-catalog.ts). */
export type MessageLookup = (key: string, subs: string[]) => string;

let fallback: MessageLookup = () => '';

/**
 * Messages by key and substitutions. A page's messages never change while it
 * lives, and the browser's lookup is slow enough to show when a big room
 * renders: each row asks for several labels, each list header for its counts
 * (about 12 ms for the 50 headers of a 5,000-item room). Counts and names
 * vary, so it is emptied when it grows past a bound.
 */
const cache = new Map<string, string>();
const CACHE_MAX = 2_000;

/** Component tests install their catalog here; the extension never calls it. */
export function setFallbackMessages(lookup: MessageLookup): void {
  fallback = lookup;
  cache.clear();
  formats = undefined;
}

function lookup(key: string, subs: string[]): string {
  const id = subs.length ? `${key}\u0000${subs.join('\u0000')}` : key;
  let message = cache.get(id);
  if (message === undefined) {
    if (cache.size >= CACHE_MAX) cache.clear();
    message = lookupNow(key, subs);
    cache.set(id, message);
  }
  return message;
}

function lookupNow(key: string, subs: string[]): string {
  const api = ext()?.i18n;
  return api ? api.getMessage(key, subs) : fallback(key, subs);
}

type Subs = string | number | (string | number)[];

/** The message `key` with its $1…$9 substitutions; the key itself if it is missing (visible, never blank). */
export function t(key: string, substitutions?: Subs): string {
  const subs = substitutions === undefined ? [] : [substitutions].flat().map(String);
  return lookup(key, subs) || key;
}

/** Language of the messages in use (BCP 47), for `lang` attributes and plural rules. */
export function uiLang(): string {
  return lookup('lang', []) || 'en';
}

/** Writing direction of the messages in use. */
export function uiDir(): 'ltr' | 'rtl' {
  return lookup('dir', []) === 'rtl' ? 'rtl' : 'ltr';
}

/** Plural rules and number format of the language in use, made once (each costs more than a lookup). */
let formats: { lang: string; rules: Intl.PluralRules; numbers: Intl.NumberFormat } | undefined;

/** The plural form of `key` for `count`; $1 is the count formatted for the language, then `more`. */
export function tn(key: string, count: number, more: (string | number)[] = []): string {
  const lang = uiLang();
  if (formats?.lang !== lang) formats = { lang, rules: new Intl.PluralRules(lang), numbers: new Intl.NumberFormat(lang) };
  const subs = [formats.numbers.format(count), ...more.map(String)];
  return lookup(`${key}_${formats.rules.select(count)}`, subs) || t(`${key}_other`, subs);
}
