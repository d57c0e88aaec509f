// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { setFallbackMessages, t, tn, uiLang } from '../../../src/ui/i18n';
import { installCatalog } from '../../../src/ui/i18n-catalog';
import { fromRoot, messages, useLocale } from './fixtures';

afterEach(() => useLocale('en'));

describe('messages', () => {
  test('substitutes $1… and tells a missing key by showing the key', () => {
    expect(t('deleteTaskConfirm', 'Check sound')).toBe('The task “Check sound” will be deleted for every moderator.');
    expect(t('noSuchKey')).toBe('noSuchKey');
  });

  test('named placeholders work like in browsers, and a value is inserted once, never re-read', () => {
    installCatalog({
      greet: { message: 'Hi $WHO$, $$5 for $1', placeholders: { who: { content: '$2' } } },
    });
    expect(t('greet', ['cost $2', 'Alice $1'])).toBe('Hi Alice $1, $5 for cost $2');
  });

  test('plurals follow the language: 0 is plural in English, singular in French', () => {
    expect(tn('openOfTotal', 0, [3])).toBe('0 open tasks of 3');
    expect(tn('openOfTotal', 1, [3])).toBe('1 open task of 3');
    useLocale('fr');
    expect(uiLang()).toBe('fr');
    expect(tn('openOfTotal', 0, [3])).toBe('0 tâche à faire sur 3');
    expect(tn('openOfTotal', 1, [3])).toBe('1 tâche à faire sur 3');
    expect(tn('openOfTotal', 2, [3])).toBe('2 tâches à faire sur 3');
  });

  test('a plural category without its own message (French "many") uses the "other" form', () => {
    useLocale('fr');
    expect(tn('skippedItems', 1_000_000)).toMatch(/^1\s000\s000 éléments illisibles ont été ignorés\.$/);
  });

  test('en and fr have the same keys, and every key the UI uses exists in both', () => {
    expect(Object.keys(messages.fr).sort()).toEqual(Object.keys(messages.en).sort());
    const dir = fromRoot('src/ui');
    const used = new Set<string>();
    for (const file of readdirSync(dir)) {
      if (!/\.tsx?$/.test(file)) continue;
      const source = readFileSync(`${dir}/${file}`, 'utf8');
      for (const m of source.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      for (const m of source.matchAll(/\btn\('([A-Za-z0-9_]+)'/g)) ['one', 'other'].forEach((c) => used.add(`${m[1]}_${c}`));
    }
    // keys built at run time: one per problem code and per session status
    for (const code of [
      'network',
      'auth',
      'not-logged-in',
      'forbidden',
      'no-room',
      'edit-failed',
      'edit-not-sent',
      'malformed',
      'bad-request',
      'permission',
      'internal',
    ])
      ['problem_', 'problemFix_'].forEach((p) => used.add(p + code.replace(/-/g, '_')));
    for (const s of ['offline', 'connecting', 'authenticating', 'joining', 'subscribed', 'live']) used.add(`status_${s}`);
    expect(used.size).toBeGreaterThan(60);
    for (const key of used) {
      expect(messages.en[key]?.message, `en ${key}`).toBeTruthy();
      expect(messages.fr[key]?.message, `fr ${key}`).toBeTruthy();
    }
  });

  test('message names are valid for browsers (letters, digits, underscore)', () => {
    for (const key of Object.keys(messages.en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  test('each message with its substitutions is looked up once, and the remembered ones stay right past the bound', () => {
    const asked: string[] = [];
    setFallbackMessages((key, subs) => {
      asked.push(`${key}(${subs.join(',')})`);
      return `${key}:${subs.join(',')}`;
    });
    for (let i = 0; i < 3; i++) {
      expect(t('greeting', ['a', 'b'])).toBe('greeting:a,b');
      expect(t('greeting', 'a')).toBe('greeting:a');
      expect(t('greeting')).toBe('greeting:');
    }
    expect(asked).toEqual(['greeting(a,b)', 'greeting(a)', 'greeting()']);
    // a key and substitutions that would read the same if joined plainly stay apart
    expect(t('greeting', ['a,b'])).toBe('greeting:a,b');
    expect(asked).toHaveLength(4);
    for (let n = 0; n < 5_000; n++) expect(t('count', n)).toBe(`count:${n}`);
    expect(t('greeting', ['a', 'b'])).toBe('greeting:a,b');
  });
});
