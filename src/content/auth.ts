// The PeerTube page's own credentials (docs/protocol.md §7). Content scripts share
// the page's storage; the values go to the background, which keeps them in
// storage.session only.
import type { PeerTubeAuth } from '../messages';

const OIDC_TOKEN_KEY = 'peertube-plugin-livechat-external-auth-oidc-token';

function read(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    // Storage can be blocked by the page's or the user's settings.
    return null;
  }
}

export function readPeerTubeAuth(local: Storage | undefined, session: Storage | undefined): PeerTubeAuth | null {
  const tokenType = read(local, 'token_type');
  const accessToken = read(local, 'access_token');
  if (tokenType && accessToken) return { kind: 'peertube', tokenType, accessToken };
  const oidc = read(session, OIDC_TOKEN_KEY);
  if (oidc) return { kind: 'oidc', token: oidc };
  return null;
}
