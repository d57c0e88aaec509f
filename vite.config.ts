import { defineConfig, normalizePath, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { panelFileHoldsCore } from './build/panel-file.ts';
import { extraPages, manifestFor, MIN_CHROME, MIN_FIREFOX, type Target } from './build/manifest.ts';

/** A file of the repository by its path from the root, as the bundler names modules. */
const source = (path: string) => normalizePath(fileURLToPath(new URL(path, import.meta.url)));

/** Vite's helper module around every dynamic import (see importWithoutPreload). */
const PRELOAD_HELPER = '\0vite/preload-helper.js';

/**
 * Vite wraps every dynamic import in a helper (1.6 kB) that first adds
 * <link rel="modulepreload"> tags for the imported chunk's dependencies. The
 * content script's panel and the panel's parts loaded on use are imported in
 * the PeerTube page's document: links to moz-extension://<install uuid>/
 * would show the page who we are (a fingerprint). So the helper just imports.
 */
function importWithoutPreload(): Plugin {
  return {
    name: 'lct:import-without-preload',
    apply: 'build',
    enforce: 'pre',
    load: {
      filter: { id: /^\0vite\/preload-helper\.js(\?lct-panel)?$/ },
      handler: () => 'export const __vitePreload = (load) => load();',
    },
  };
}

/**
 * No HTML parsing sink in what we ship (addons.mozilla.org's linter flags
 * each, and our rule is that no text is ever read as HTML): two libraries
 * carry one for a feature we never use. preact's renderer assigns
 * `dangerouslySetInnerHTML` to innerHTML, and strophe's Builder.h() (XHTML-IM
 * messages) parses its argument through innerHTML. Both become a thrown
 * error instead. The files are found by their place in the installed
 * package, and the build fails if the text to replace is not there exactly
 * once (a new version of either library must be looked at again).
 */
function withoutHtmlSinks(): Plugin {
  const packageDir = (name: string) => dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
  const patches = new Map([
    [
      normalizePath(join(packageDir('preact'), 'dist/preact.mjs')),
      {
        sink: '(t.innerHTML=h.__html)',
        instead: '(()=>{throw Error("dangerouslySetInnerHTML is not supported")})()',
      },
    ],
    [
      normalizePath(join(packageDir('strophe.js'), 'dist/strophe.esm.js')),
      {
        sink: 'fragment.innerHTML = html;',
        instead: "throw new Error('Builder.h() (XHTML-IM) is not supported');",
      },
    ],
  ]);
  return {
    name: 'lct:without-html-sinks',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      // the page's parts import their own copies, with a query (see pageCopies)
      const patch = patches.get(id.split('?')[0]!);
      if (!patch) return null;
      if (code.split(patch.sink).length !== 2) this.error(`${id}: expected "${patch.sink}" once; was the library upgraded?`);
      return { code: code.replace(patch.sink, patch.instead), map: null };
    },
  };
}

/**
 * JSX compiles to preact's createElement, which the renderer bundles anyway,
 * instead of the automatic runtime's jsx() (preact/jsx-runtime): one vnode
 * factory in the panel's chunk instead of two, and shorter calls (children
 * as arguments rather than a `children` array): 140 bytes gzipped off the
 * content script. Build only: type checking and the unit tests keep the
 * automatic runtime, whose output renders the same. The injected names are
 * ones no source file declares, so no local variable can shadow them.
 */
function classicJsx(): Plugin[] {
  return [
    {
      name: 'lct:classic-jsx-config',
      apply: 'build',
      // after the preact preset, which asks for the automatic runtime
      enforce: 'post',
      config: () => ({ oxc: { jsx: { runtime: 'classic', pragma: '__lctJsx', pragmaFrag: '__lctFragment' } } }),
    },
    {
      name: 'lct:classic-jsx-import',
      apply: 'build',
      enforce: 'pre',
      transform: {
        filter: { id: /\.tsx(\?|$)/ },
        handler: (code) => `import { createElement as __lctJsx, Fragment as __lctFragment } from 'preact';\n${code}`,
      },
    },
  ];
}

/**
 * The content script's budget (bench/size.mjs) counts every file it loads,
 * each gzipped on its own. Left to itself, the bundler puts what the page's
 * code shares with the worker and the extension pages (the message sender,
 * src/core, preact, the ui) in shared chunks: files of their own, each with
 * import and export lists, and export lists sized for the extension pages.
 * Here the page's two parts each get their own copy of every module they
 * import: the always-loaded part (what src/content/index.ts imports) and the
 * panel (what src/content/panel.tsx, its own file that the first imports on
 * demand by address, imports). Each is then one file that no other context
 * loads and that imports nothing: the first is registered as it is (crxjs
 * needs no module loader for a script without imports), the second needs no
 * relative import, which Chrome's per-session address (see manifestFor)
 * would break (Chromium serves it by redirecting to the fixed address, which
 * the resources may not be loaded from). Both parts carry their own copy of
 * the stateless extension API lookup (src/ext.ts).
 */
function pageCopies(): Plugin {
  const parts = [
    { root: source('src/content/index.ts'), tag: 'lct-content' },
    { root: source('src/content/panel.tsx'), tag: 'lct-panel' },
  ];
  const withoutTag = (id: string) => id.replace(/[?&]lct-(content|panel)$/, '');
  const partOf = (id: string) => parts.find((p) => p.root === id || id.endsWith(p.tag))?.tag;
  return {
    name: 'lct:page-copies',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      // `?script` imports are crxjs's: the panel's file, which is the panel's root
      const tag = importer && !source.includes('?script') ? partOf(importer) : undefined;
      // the panel's parts loaded on use stay the panel's (see panelImportsByAddress)
      if (!importer || !tag || (tag !== 'lct-panel' && options.kind === 'dynamic-import')) return null;
      const resolved = await this.resolve(source, withoutTag(importer), { ...options, skipSelf: true });
      // the other part's root (the panel, imported by its address) stays itself
      // virtual modules stay shared, except the dynamic import helper, which the panel's parts call
      const virtual = resolved?.id.startsWith('\0') && resolved.id !== PRELOAD_HELPER;
      if (!resolved || resolved.external || virtual || parts.some((p) => p.root === resolved.id)) return null;
      return `${resolved.id}${resolved.id.includes('?') ? '&' : '?'}${tag}`;
    },
  };
}

/**
 * The panel's parts loaded on use (src/ui/lazy.ts) are chunks beside the
 * panel's file, importing what they share from it. In Chrome the panel is
 * loaded from its per-session address, from which a relative import does
 * not work (see pageCopies), and importing a module by another address
 * would run a second copy of it (a second preact). So every import between
 * the panel's chunks names its file by runtime.getURL, as the content script
 * names the panel: a static import becomes an awaited import at the chunk's
 * top, a dynamic one imports the address. The chunks keep their import
 * lists, from which crxjs makes them web-accessible the way the panel is.
 * The bindings become constants, which is what they are (no module of ours
 * reassigns an export).
 */
function panelImportsByAddress(): Plugin {
  const panelRoot = source('src/content/panel.tsx');
  const byAddress = (from: string, spec: string) => `chrome.runtime.getURL(${JSON.stringify(posix.join(posix.dirname(from), spec))})`;
  return {
    name: 'lct:panel-imports-by-address',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
      const panel = [...chunks.values()].find((c) => c.facadeModuleId?.split('?')[0] === panelRoot);
      if (!panel) return;
      const part = new Set<string>();
      const visit = (file: string) => {
        if (part.has(file)) return;
        part.add(file);
        const chunk = chunks.get(file)!;
        for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next);
      };
      visit(panel.fileName);
      for (const file of part) {
        const chunk = chunks.get(file)!;
        chunk.code = chunk.code
          .replace(/import\s*\{([^}]*)\}\s*from\s*["'`](\.\.?\/[^"'`]+)["'`];?/g, (_, names: string, spec: string) => {
            const fields = names.replace(/\s+as\s+/g, ':');
            return `const{${fields}}=await import(${byAddress(file, spec)});`;
          })
          .replace(/import\s*["'`](\.\.?\/[^"'`]+)["'`];?/g, (_, spec: string) => `await import(${byAddress(file, spec)});`)
          .replace(/\bimport\(\s*["'`](\.\.?\/[^"'`]+)["'`]\s*\)/g, (_, spec: string) => `import(${byAddress(file, spec)})`);
        if (/\bfrom\s*["'`]\.|\bimport\s*\(?\s*["'`]\./.test(chunk.code))
          this.error(`${file}: a relative import is left in the panel's part`);
      }
    },
  };
}

/**
 * The page's files (the content script, the panel and its parts loaded on
 * use) get a second minification, by terser, after the bundler's own (oxc):
 * they are what the content script's budget counts (bench/size.mjs), and
 * terser's two passes over oxc's output find what oxc's one left (a
 * variable used once inlined, a statement joined, a branch simplified):
 * about 490 bytes gzipped off the first paint (23,622 to 23,135), more than
 * terser alone (23,253). The worker and the extension pages keep oxc's
 * output alone: terser made the worker larger.
 */
function minifyPageTwice(): Plugin {
  const panelRoot = source('src/content/panel.tsx');
  // the panel's file by its entry (its own module is not tagged, see pageCopies, and its code came from the core chunk, see panelFileHoldsCore)
  const isPage = (chunk: { moduleIds: readonly string[]; facadeModuleId: string | null }) =>
    chunk.facadeModuleId?.split('?')[0] === panelRoot || chunk.moduleIds.some((id) => /[?&]lct-(content|panel)$/.test(id));
  return {
    name: 'lct:minify-page-twice',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !isPage(chunk)) continue;
        // ES modules all (crxjs wraps the content script's in a function once it is written)
        const out = await minify(chunk.code, { ecma: 2020, module: true, toplevel: true, compress: { passes: 2 } });
        if (out.code === undefined) this.error(`${chunk.fileName}: terser gave no code`);
        chunk.code = out.code;
      }
    },
  };
}

/**
 * The panel's code and everything it imports before it runs go in one chunk
 * beside its file: left to itself, the bundler splits what the panel shares
 * with each part it loads on use into a chunk per combination of parts,
 * which the panel would then import one after the other (each import by
 * address waits for the one before, see panelImportsByAddress). The panel's
 * own module is in that chunk too, which the bundler then leaves its file
 * (crxjs's, which the content script imports) re-exporting, and which
 * panelFileHoldsCore (build/panel-file.ts) moves into that file.
 */
function panelCoreGroup() {
  const panelRoot = source('src/content/panel.tsx');
  let core: Set<string> | undefined;
  return {
    name: (id: string, ctx: { getModuleInfo(id: string): { importedIds: readonly string[] } | null }) => {
      if (!core) {
        core = new Set();
        const visit = (m: string) => {
          if (core!.has(m)) return;
          core!.add(m);
          for (const next of ctx.getModuleInfo(m)?.importedIds ?? []) visit(next);
        };
        visit(panelRoot);
      }
      return core.has(id) && (id === panelRoot || /[?&]lct-panel$/.test(id)) ? 'panel-core' : null;
    },
  };
}

export default defineConfig(() => {
  const target = (process.env.LCT_TARGET ?? 'chrome') as Target;
  const localCsp = process.env.LCT_LOCAL_CSP === '1';
  return {
    plugins: [
      importWithoutPreload(),
      ...classicJsx(),
      pageCopies(),
      panelFileHoldsCore(source('src/content/panel.tsx')),
      panelImportsByAddress(),
      minifyPageTwice(),
      withoutHtmlSinks(),
      preact(),
      crx({ manifest: manifestFor(target, localCsp) as unknown as ManifestV3Export, browser: target }),
    ],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      cssTarget: [`chrome${MIN_CHROME}`, `firefox${MIN_FIREFOX}`],
      sourcemap: false,
      minify: true,
      // No <link rel="modulepreload"> anywhere (see importWithoutPreload), and
      // no polyfill for it: both browsers we support have it.
      modulePreload: false,
      // pages only the Firefox manifest names (its sidebar), which crxjs does not bundle on its own,
      // and the moderator's guide, which no manifest names (src/help/HelpLink.tsx opens it)
      rolldownOptions: {
        input: [...extraPages(target), 'src/help/index.html'],
        output: { codeSplitting: { groups: [panelCoreGroup()] } },
      },
    },
    server: { port: 5174, strictPort: true, cors: { origin: [/chrome-extension:\/\//] } },
  };
});
