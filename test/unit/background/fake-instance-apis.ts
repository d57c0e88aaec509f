// `scripting`, `permissions` and `tabs` as far as Instances uses them: the
// browser's state (granted host patterns, registered scripts, open tabs),
// refusing what the browser refuses (duplicate ids, unknown ids).
import type { InstanceApis, RegisteredScript } from '../../../src/background/instances';

export class FakeBrowser implements InstanceApis {
  granted = new Set<string>();
  registered = new Map<string, RegisteredScript>();
  tabs_: { id: number; url: string }[] = [];
  injected: { tabId: number; files: string[] }[] = [];

  scripting = {
    registerContentScripts: async (scripts: RegisteredScript[]) => {
      for (const s of scripts) if (this.registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      for (const s of scripts) this.registered.set(s.id, structuredClone(s));
    },
    getRegisteredContentScripts: async (filter?: { ids?: string[] }) =>
      [...this.registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    updateContentScripts: async (scripts: RegisteredScript[]) => {
      for (const s of scripts) {
        const old = this.registered.get(s.id);
        if (!old) throw new Error(`Nonexistent script ID '${s.id}'`);
        this.registered.set(s.id, { ...old, ...structuredClone(s) });
      }
    },
    unregisterContentScripts: async (filter?: { ids?: string[] }) => {
      for (const id of filter?.ids ?? []) if (!this.registered.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      for (const id of filter?.ids ?? [...this.registered.keys()]) this.registered.delete(id);
    },
    executeScript: async (injection: { target: { tabId: number }; files: string[] }) => {
      this.injected.push({ tabId: injection.target.tabId, files: injection.files });
      return [];
    },
  };

  permissions = {
    contains: async (p: { origins: string[] }) => p.origins.every((o) => this.granted.has(o)),
    remove: async (p: { origins: string[] }) => {
      for (const o of p.origins) this.granted.delete(o);
      return true;
    },
  };

  tabs = {
    // the browser matches the pattern (scheme and host, any port)
    query: async (q: { url: string }) => {
      const host = new URL(q.url.replace('/*', '/')).hostname;
      return this.tabs_.filter((t) => new URL(t.url).hostname === host);
    },
  };
}
