// Instance origins as the user enables them: exactly `http(s)://host[:port]`,
// nothing more, because they become host permissions and match patterns.

/** The origin if `text` is a bare http(s) origin, else undefined. */
export function parseOrigin(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.origin === text ? url.origin : undefined;
}

/** The origin of a page URL when it is an http(s) page. */
export function originOfPage(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The host-permission / match pattern covering every page of an origin.
 * Without the port: Firefox refuses ports in match patterns, and a pattern
 * without one matches every port in both browsers (only local test
 * instances use a port at all). The popup requests exactly this pattern.
 */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
