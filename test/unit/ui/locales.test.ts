// Every locale says everything English says, with the same placeholders, and
// with each plural form its language needs. When this fails it lists every
// gap at once: run it after merging new English keys to see what to
// translate (the README says how).
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { tn, uiLang } from '../../../src/ui/i18n';
import { installCatalog, type Catalog } from '../../../src/ui/i18n-catalog';
import { fromRoot, useLocale } from './fixtures';

const LOCALES_DIR = fromRoot('public/_locales');
const locales = readdirSync(LOCALES_DIR).sort();
const catalogs: Record<string, Catalog> = Object.fromEntries(
  locales.map((lang) => [lang, JSON.parse(readFileSync(`${LOCALES_DIR}/${lang}/messages.json`, 'utf8')) as Catalog]),
);
const en = catalogs.en!;

const CATEGORY = /^(.+)_(zero|one|two|few|many|other)$/;
/** English keys with plural forms, by their base (`openOfTotal` for `openOfTotal_one`…). */
const pluralBases = new Set(
  Object.keys(en).flatMap((k) => (CATEGORY.test(k) && en[`${k.replace(CATEGORY, '$1')}_other`] ? [k.replace(CATEGORY, '$1')] : [])),
);
const baseOf = (key: string) => {
  const base = key.replace(CATEGORY, '$1');
  return key !== base && pluralBases.has(base) ? base : undefined;
};

/**
 * The plural forms a language needs: the categories its rules give whole
 * numbers up to a thousand, as tn() shows counts in digits. ("many" in
 * French, Spanish and Italian is for a round million, where "de"/"di" would
 * follow a number written in words; digits read right with "other", which
 * tn() falls back to.)
 */
function neededCategories(lang: string): Set<string> {
  const rules = new Intl.PluralRules(lang);
  const needed = new Set(['other']);
  for (let n = 0; n <= 1000; n++) needed.add(rules.select(n));
  return needed;
}

/** What a message takes from its caller: the $1…$9 it shows (directly or through named placeholders), and its placeholders. */
function signature(entry: Catalog[string]): string {
  const positions = new Set<string>();
  const named = new Set<string>();
  entry.message.replace(/\$([A-Za-z_@][A-Za-z0-9_@]*)\$|\$(\$|[1-9])/g, (whole, name: string | undefined, d: string | undefined) => {
    if (d && d !== '$') positions.add(`$${d}`);
    if (name) {
      named.add(name.toLowerCase());
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? entry.placeholders?.[name]?.content ?? '';
      for (const m of content.matchAll(/\$([1-9])/g)) positions.add(`$${m[1]}`);
    }
    return whole;
  });
  const placeholders = Object.entries(entry.placeholders ?? {})
    .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
    .sort();
  return JSON.stringify({ shows: [...positions].sort(), named: [...named].sort(), placeholders });
}

/** Everything wrong with one locale, one line each. */
function gaps(lang: string): string[] {
  const catalog = catalogs[lang]!;
  const problems: string[] = [];
  // folders are named like pt_BR, the `lang` message is a BCP 47 tag (pt-BR)
  const tag = lang.replace('_', '-');
  if (catalog.lang?.message !== tag) problems.push(`${lang}: "lang" must be "${tag}", is "${catalog.lang?.message}"`);
  const categories = neededCategories(tag);
  const allowed = new Intl.PluralRules(tag).resolvedOptions().pluralCategories as string[];
  const needed = Object.keys(en).filter((k) => !baseOf(k));
  for (const base of pluralBases) for (const c of categories) needed.push(`${base}_${c}`);
  for (const key of needed) if (!catalog[key]?.message) problems.push(`${lang}: missing ${key}`);
  for (const [key, entry] of Object.entries(catalog)) {
    const base = baseOf(key);
    const english = base ? en[`${base}_other`] : en[key];
    if (!english) {
      problems.push(`${lang}: ${key} is not an English key`);
    } else if (base && !allowed.includes(key.slice(base.length + 1))) {
      problems.push(`${lang}: ${key} is not a plural form of this language (${allowed.join(', ')})`);
    } else if (entry.message && signature(entry) !== signature(english)) {
      problems.push(`${lang}: ${key} takes ${signature(entry)}, English takes ${signature(english)}`);
    }
  }
  return problems;
}

afterEach(() => useLocale('en'));

describe('locales', () => {
  test('English, French, German, Spanish and Italian are there', () => {
    expect(locales).toEqual(['de', 'en', 'es', 'fr', 'it']);
  });

  test.each(locales.filter((l) => l !== 'en'))(
    '%s has every English message, with the same placeholders and its own plural forms',
    (lang) => {
      expect(gaps(lang)).toEqual([]);
    },
  );

  test('the check finds a missing key, a missing plural form, a changed placeholder and a stray key', () => {
    const de = structuredClone(catalogs.de!);
    delete de.save;
    delete de.openOfTotal_one;
    de.taskAdded = { message: '„$1“ hinzugefügt.' };
    de.openOfTotal_few = { message: '$1 von $2' };
    catalogs.broken = de;
    try {
      const found = gaps('broken').map((p) => p.replace(/ takes .*/, ' takes…'));
      expect(found).toEqual(
        expect.arrayContaining(['broken: missing save', 'broken: missing openOfTotal_one', 'broken: taskAdded takes…']),
      );
      expect(found.some((p) => p.startsWith('broken: openOfTotal_few'))).toBe(true);
    } finally {
      delete catalogs.broken;
    }
  });

  test.each([
    ['de', [0, 1, 2], ['0 offene Aufgaben von 5', '1 offene Aufgabe von 5', '2 offene Aufgaben von 5']],
    ['es', [0, 1, 2], ['0 tareas pendientes de 5', '1 tarea pendiente de 5', '2 tareas pendientes de 5']],
    ['it', [0, 1, 2], ['0 attività aperte su 5', '1 attività aperta su 5', '2 attività aperte su 5']],
  ])('%s counts follow its plural rules', (lang, counts, expected) => {
    installCatalog(catalogs[lang]!);
    expect(uiLang()).toBe(lang);
    expect(counts.map((n) => tn('openOfTotal', n, [5]))).toEqual(expected);
  });
});
