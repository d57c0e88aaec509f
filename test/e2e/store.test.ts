// Both builds as a store receives them: every file a manifest names (pages,
// scripts, icons, locales, and what those pages and scripts load in turn) is
// in the unpacked build and in its zip. A manifest naming a file its build
// lacks installs, then shows a blank page (the Firefox sidebar did), and
// neither browser nor `web-ext lint` says so.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, ensureLocalBuild } from '../helpers/demo.ts';
import { zipEntries } from '../helpers/zip.ts';

// biome-ignore lint/suspicious/noExplicitAny: manifests are walked loosely here, each field checked where it is read
type Manifest = Record<string, any>;

/** The paths a manifest names, as written (relative to the extension's root). */
function namedByManifest(m: Manifest): string[] {
  const icons = (set?: Record<string, string>) => Object.values(set ?? {});
  return [
    ...icons(m.icons),
    ...icons(m.action?.default_icon),
    m.action?.default_popup,
    m.background?.service_worker,
    ...(m.background?.scripts ?? []),
    m.background?.page,
    m.side_panel?.default_path,
    m.sidebar_action?.default_panel,
    ...icons(m.sidebar_action?.default_icon),
    m.options_ui?.page,
    ...(m.content_scripts ?? []).flatMap((c: Manifest) => [...(c.js ?? []), ...(c.css ?? [])]),
    ...(m.web_accessible_resources ?? []).flatMap((r: Manifest) => r.resources as string[]).filter((r: string) => !r.includes('*')),
    m.default_locale && `_locales/${m.default_locale}/messages.json`,
  ].filter((p): p is string => typeof p === 'string');
}

/** What a page or a module loads by address: a page's scripts and stylesheets, a module's static imports. */
function loadedBy(file: string, text: string): string[] {
  const refs = file.endsWith('.html')
    ? [...text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
    : file.endsWith('.js')
      ? [...text.matchAll(/(?:\bfrom|\bimport)\s*["']((?:\.\.?\/)[^"'\s]+\.js)["']/g)].map((m) => m[1]!)
      : [];
  return refs
    .filter((ref) => !/^[a-z]+:/i.test(ref))
    .map((ref) => normalize(ref.startsWith('/') ? ref.slice(1) : join(dirname(file), ref)));
}

/** Every file the build needs, from the manifest down through pages and imports. */
function filesNeeded(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const needed = new Set(['manifest.json', ...namedByManifest(manifest).map((p) => normalize(p))]);
  for (const file of needed) {
    if (!existsSync(join(dir, file))) continue; // reported by the test
    for (const next of loadedBy(file, readFileSync(join(dir, file), 'utf8'))) needed.add(next);
  }
  return [...needed].sort();
}

beforeAll(() => ensureLocalBuild());

describe.each(['chrome', 'firefox'] as const)('the %s build', (target) => {
  const dir = EXTENSION_DIR[target];

  it('has every file its manifest names, and what those pages and scripts load', () => {
    const needed = filesNeeded(dir);
    // the pages each browser shows: its popup, options, and side panel or sidebar
    expect(needed).toEqual(expect.arrayContaining(['src/popup/index.html', 'src/options/index.html', 'src/sidepanel/index.html']));
    expect(needed.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(3);
    expect(needed.filter((file) => !existsSync(join(dir, file)))).toEqual([]);
  });

  it('its store zip holds those same files', () => {
    const zip = join(dirname(dir), `livechat-tasks-${target}.zip`);
    const entries = new Set(zipEntries(readFileSync(zip)));
    expect(filesNeeded(dir).filter((file) => !entries.has(file))).toEqual([]);
  });
});
