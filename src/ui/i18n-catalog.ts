// Messages from a messages.json catalog, for where there is no extension
// i18n API: the component tests install the real en/fr catalogs with it. The
// extension never imports this module (browsers do the same job), which keeps
// it out of every bundle.
import { setFallbackMessages } from './i18n';

interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalog = Record<string, CatalogEntry>;

/** Use these messages when there is no extension i18n API (tests). */
export function installCatalog(messages: Catalog): void {
  setFallbackMessages((key, subs) => fromCatalog(messages, key, subs));
}

function fromCatalog(messages: Catalog, key: string, subs: string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  // Same substitution rules as the browsers: named placeholders ($name$)
  // whose content holds $1…$9, direct $1…$9 in the message, and $$ for a
  // dollar sign. One pass: a substituted value is never scanned again.
  const positional = (d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? ''));
  return entry.message.replace(/\$([A-Za-z_@][A-Za-z0-9_@]*)\$|\$(\$|[1-9])/g, (whole, name: string | undefined, d: string | undefined) => {
    if (d) return positional(d);
    const p = entry.placeholders?.[name!.toLowerCase()] ?? entry.placeholders?.[name!];
    return p ? p.content.replace(/\$(\$|[1-9])/g, (_, n: string) => positional(n)) : whole;
  });
}
