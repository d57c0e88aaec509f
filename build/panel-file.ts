// The page panel's first paint in one file instead of two (see
// panelFileHoldsCore below), a build step of vite.config.ts.
import { posix } from 'node:path';
import type { Plugin, Rolldown } from 'vite';

/** The stub the bundler leaves as the panel's file: `export{t as mountPanel}from"./panel-core-….js";` */
const STUB_RE = /^export\s*\{\s*([\w$]+)\s+as\s+mountPanel\s*\}\s*from\s*["'`]\.\/([^"'`]+)["'`];?\s*$/;

/**
 * The panel's file is the one crxjs names to the content script (which
 * imports it by address), and the bundler makes it a one-line stub that
 * re-exports the panel from its core chunk (panelCoreGroup in
 * vite.config.ts): the core chunk holds the panel's module with what it
 * imports, and what the parts loaded on use share with it, so it cannot be
 * the file whose exports crxjs keeps to the panel's alone. The stub cost the
 * browser a second request, which could only start once the first one
 * arrived and ran, and the page's budget (bench/size.mjs gzips each file
 * apart) 120 bytes. So the core's code moves into the panel's file, which
 * exports the panel under its own name too, and the parts import that file
 * instead; the core's file is gone. It runs before panelImportsByAddress,
 * which then names the panel's file in the parts' imports, and before
 * crxjs's manifest, whose web-accessible files follow the import lists.
 * The build fails if the panel's file is not the expected stub.
 */
export function panelFileHoldsCore(panelRoot: string): Plugin {
  return {
    name: 'lct:panel-file-holds-core',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
      const panel = chunks.find((c) => c.facadeModuleId?.split('?')[0] === panelRoot);
      if (!panel) return;
      const stub = STUB_RE.exec(panel.code);
      const core = stub && chunks.find((c) => c.fileName === posix.join(posix.dirname(panel.fileName), stub[2]!));
      if (!stub || !core) return this.error(`${panel.fileName}: expected the panel's file to re-export its core chunk`);
      // the core's local name of what it exports as stub[1], in its one export list at its end
      const exportList = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(core.code);
      const local = exportList?.[1]
        ?.split(',')
        .map((p) => p.trim().split(/\s+as\s+/))
        .find(([, as]) => as === stub[1])?.[0];
      if (!exportList?.[1] || !local) return this.error(`${core.fileName}: no export "${stub[1]}" to name mountPanel`);
      panel.code = `${core.code.slice(0, exportList.index)}export{${local} as mountPanel,${exportList[1]}};`;
      panel.imports.splice(0, panel.imports.length, ...core.imports);
      panel.dynamicImports.splice(0, panel.dynamicImports.length, ...core.dynamicImports);
      delete bundle[core.fileName];
      for (const chunk of chunks) {
        if (chunk === core || chunk === panel) continue;
        for (const list of [chunk.imports, chunk.dynamicImports]) {
          const at = list.indexOf(core.fileName);
          if (at >= 0) list[at] = panel.fileName;
        }
        const spec = (file: string) => posix.relative(posix.dirname(chunk.fileName), file).replace(/^(?!\.)/, './');
        chunk.code = chunk.code.replaceAll(spec(core.fileName), spec(panel.fileName));
      }
    },
  };
}
