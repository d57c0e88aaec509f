// What the guide says that depends on the build and the browser: the
// permissions this manifest asks for (Firefox's has no sidePanel, test builds
// grant a host at install) and the quick-add shortcut as the user set it.

/** The parts of a manifest the guide reads (runtime.getManifest() or manifest.json). */
export interface ManifestFacts {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  commands?: Record<string, { suggested_key?: { default?: string } }>;
}

/** A command as commands.getAll() lists it. */
export interface CommandFacts {
  name?: string;
  shortcut?: string;
}

/** Access to sites, whichever way it is asked for: one entry in the guide. */
export const HOSTS = 'hosts';

/** The command that opens the toolbar popup (quick-add). */
const QUICK_ADD_COMMAND = '_execute_action';

export interface GuideFacts {
  /** each permission the manifest asks for, in its order, then HOSTS */
  permissions: string[];
  /** the quick-add shortcut as "Alt+Shift+K", or '' when none is set */
  quickAddShortcut: string;
}

/**
 * `commands` is what the browser says (the user may have changed or removed
 * the shortcut); without it (no extension API) the manifest's suggestion.
 */
export function guideFacts(manifest: ManifestFacts, commands?: CommandFacts[]): GuideFacts {
  const hosts = [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
  const permissions = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? []), ...(hosts.length > 0 ? [HOSTS] : [])];
  const quickAddShortcut = commands
    ? (commands.find((c) => c.name === QUICK_ADD_COMMAND)?.shortcut ?? '')
    : (manifest.commands?.[QUICK_ADD_COMMAND]?.suggested_key?.default ?? '');
  return { permissions, quickAddShortcut };
}
