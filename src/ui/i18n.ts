// Every user-facing string goes through t(). In the extension the strings
// come from _locales via i18n.getMessage; outside an extension (component
// tests) from a catalog installed with installCatalog() (i18n-catalog.ts),
// read from the same messages.json files, so tests see the real texts.
//
// Plurals: a key `k` with a count uses `k_<category>` where the category is
// chosen by Intl.PluralRules for the language of the catalog actually in use
// (the `lang` message of each messages.json), e.g. 0 is "other" in English
// and "one" in French. `k_other` is the fallback.
import { ext } from './ext';

/** Where messages come from when there is no extension i18n API (see i18n-catalog.ts). */
export type MessageLookup = (key: string, subs: string[]) => string;

let fallback: MessageLookup = () => '';

/** Component tests install their catalog here; the extension never calls it. */
export function setFallbackMessages(lookup: MessageLookup): void {
  fallback = lookup;
  pluralRules = undefined;
}

function lookup(key: string, subs: string[]): string {
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

let pluralRules: { lang: string; rules: Intl.PluralRules } | undefined;

/** The plural form of `key` for `count`; $1 is the count formatted for the language, then `more`. */
export function tn(key: string, count: number, more: (string | number)[] = []): string {
  const lang = uiLang();
  if (pluralRules?.lang !== lang) pluralRules = { lang, rules: new Intl.PluralRules(lang) };
  const subs = [new Intl.NumberFormat(lang).format(count), ...more.map(String)];
  return lookup(`${key}_${pluralRules.rules.select(count)}`, subs) || t(`${key}_other`, subs);
}
