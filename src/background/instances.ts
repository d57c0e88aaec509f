// Per-instance enabling (least privilege): no host permission at install.
// The popup asks the browser for one origin from the user's click (only a
// page can), then this module registers the content script for that origin
// and injects it into the tabs already open there. The set of enabled
// instances is settings.instances ∩ the host permissions the browser grants.
import type { Reply } from '../messages';
import type { SettingsStore } from './settings';
import { originOfPage, originPattern } from './origins';

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

/** The parts of `scripting`, `permissions` and `tabs` this module needs. */
export interface InstanceApis {
  scripting: {
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
    updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
  permissions: {
    contains(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
  tabs: {
    query(q: { url: string }): Promise<{ id?: number; url?: string }[]>;
  };
}

const ID_PREFIX = 'instance:';

/**
 * Host patterns that cover an origin: ours without the port (the one
 * Firefox accepts), and, for an origin with a port, the exact one, which
 * Chrome may have granted when a page asked for `${origin}/*`.
 */
const candidatePatterns = (origin: string) => [...new Set([originPattern(origin), `${origin}/*`])];
export const scriptIdFor = (origin: string) => `${ID_PREFIX}${origin}`;

export class Instances {
  /** The tail of the changes in progress: see serially(). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly apis: InstanceApis,
    private readonly settings: SettingsStore,
    /** the content script's file in the build (crxjs `?script` import) */
    private readonly contentScriptFile: string,
    private readonly log: (...a: unknown[]) => void = console.warn,
  ) {}

  async isEnabled(origin: string): Promise<boolean> {
    return (await this.settings.get()).instances.includes(origin);
  }

  enable(origin: string): Promise<Reply> {
    return this.serially(() => this.enableNow(origin));
  }

  disable(origin: string): Promise<Reply> {
    return this.serially(() => this.disableNow(origin));
  }

  /**
   * At start-up and when the browser reports a permission removed (its own
   * UI can take host access away): keep only instances still granted,
   * registered with this build's content script file.
   */
  reconcile(): Promise<void> {
    return this.serially(() => this.reconcileNow());
  }

  /**
   * One change at a time: the popup's enable and the worker's own on a grant
   * (instance-requests.ts) can come together, and both would find no script
   * registered and register it twice, which the browser refuses.
   */
  private serially<T>(change: () => Promise<T>): Promise<T> {
    const run = this.queue.then(change, change);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async enableNow(origin: string): Promise<Reply> {
    const pattern = await this.grantedPattern(origin);
    if (!pattern) {
      return { ok: false, error: { code: 'permission', detail: `The browser has not granted access to ${origin}.` } };
    }
    const wasRegistered = await this.ensureRegistered(origin, pattern);
    await this.settings.update((s) => ({
      instances: s.instances.includes(origin) ? s.instances : [...s.instances, origin],
    }));
    // Tabs loaded before the registration only get the script if we inject it.
    if (!wasRegistered) await this.injectIntoOpenTabs(origin, pattern);
    return { ok: true, value: undefined };
  }

  private async disableNow(origin: string): Promise<Reply> {
    await this.unregister([scriptIdFor(origin)]);
    await this.settings.update((s) => ({ instances: s.instances.filter((o) => o !== origin) }));
    for (const pattern of candidatePatterns(origin)) {
      try {
        await this.apis.permissions.remove({ origins: [pattern] });
      } catch (e) {
        // Only a build that declares the host as required (test builds) refuses; the instance is off all the same.
        this.log('host permission kept', pattern, e);
      }
    }
    return { ok: true, value: undefined };
  }

  private async reconcileNow(): Promise<void> {
    const { instances } = await this.settings.get();
    const kept: string[] = [];
    for (const origin of instances) {
      const pattern = await this.grantedPattern(origin);
      if (pattern) {
        kept.push(origin);
        await this.ensureRegistered(origin, pattern);
      }
    }
    if (kept.length !== instances.length) {
      await this.settings.update((s) => ({ instances: s.instances.filter((o) => kept.includes(o)) }));
    }
    const keptIds = new Set(kept.map(scriptIdFor));
    const stale = (await this.apis.scripting.getRegisteredContentScripts())
      .map((s) => s.id)
      .filter((id) => id.startsWith(ID_PREFIX) && !keptIds.has(id));
    await this.unregister(stale);
  }

  /** Registers (or repoints after an update changed the file name); returns whether it was registered before. */
  /** The pattern the browser granted for the origin, if any. */
  private async grantedPattern(origin: string): Promise<string | undefined> {
    for (const pattern of candidatePatterns(origin)) {
      if (await this.apis.permissions.contains({ origins: [pattern] })) return pattern;
    }
    return undefined;
  }

  private async ensureRegistered(origin: string, pattern: string): Promise<boolean> {
    const script: RegisteredScript = {
      id: scriptIdFor(origin),
      matches: [pattern],
      js: [this.contentScriptFile],
      // At the document's start: the room is asked for while the page still loads (the panel waits for the DOM).
      runAt: 'document_start',
      persistAcrossSessions: true,
    };
    const [existing] = await this.apis.scripting.getRegisteredContentScripts({ ids: [script.id] });
    if (!existing) {
      await this.apis.scripting.registerContentScripts([script]);
      return false;
    }
    if (
      existing.js?.join() !== script.js?.join() ||
      existing.matches?.join() !== script.matches?.join() ||
      existing.runAt !== script.runAt
    ) {
      await this.apis.scripting.updateContentScripts([script]);
    }
    return true;
  }

  private async unregister(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const registered = new Set((await this.apis.scripting.getRegisteredContentScripts({ ids })).map((s) => s.id));
    const present = ids.filter((id) => registered.has(id));
    if (present.length) await this.apis.scripting.unregisterContentScripts({ ids: present });
  }

  private async injectIntoOpenTabs(origin: string, pattern: string): Promise<void> {
    const tabs = await this.apis.tabs.query({ url: pattern });
    for (const tab of tabs) {
      // The pattern covers every port of the host: inject only into the enabled origin.
      if (tab.id === undefined || originOfPage(tab.url) !== origin) continue;
      try {
        await this.apis.scripting.executeScript({ target: { tabId: tab.id }, files: [this.contentScriptFile] });
      } catch (e) {
        // A tab that is loading or crashed just gets the script on its next load.
        this.log('inject into tab failed', tab.id, e);
      }
    }
  }
}
