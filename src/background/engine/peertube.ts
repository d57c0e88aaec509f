// PeerTube side of an account (docs/protocol.md §7): the XMPP credentials the
// livechat plugin hands to a logged-in user, and the endpoints of a room
// configuration resolved against the instance origin.
import type { Problem } from '../../core/types';
import type { PeerTubeAuth, PeerTubeRoomConfig } from '../../messages';
import { CredentialsError } from '../xmpp/errors';

export interface PeerTubeCredentials {
  jid: string;
  password: string;
  nickname: string;
  type: string;
}

export const AUTH_PATH = '/plugins/livechat/router/api/auth';
export const OIDC_HEADER = 'X-Peertube-Plugin-Livechat-External-Auth-OIDC-Token';

export async function fetchPeerTubeCredentials(
  fetchFn: typeof fetch,
  origin: string,
  auth: PeerTubeAuth | null,
): Promise<PeerTubeCredentials> {
  if (!auth) throw new CredentialsError({ code: 'not-logged-in' }, false);
  const headers: Record<string, string> =
    auth.kind === 'peertube' ? { Authorization: `${auth.tokenType} ${auth.accessToken}` } : { [OIDC_HEADER]: auth.token };
  let res: Response;
  try {
    res = await fetchFn(new URL(AUTH_PATH, origin).href, { headers, credentials: 'omit' });
  } catch (e) {
    throw new CredentialsError({ code: 'network', detail: `${origin}: ${String(e)}` }, true);
  }
  if (res.status === 403 || res.status === 401) throw new CredentialsError({ code: 'not-logged-in' }, false);
  if (!res.ok) throw new CredentialsError({ code: 'network', detail: `${origin}${AUTH_PATH}: HTTP ${res.status}` }, true);
  const body = (await res.json().catch(() => null)) as Partial<PeerTubeCredentials> | null;
  if (!body || typeof body.jid !== 'string' || typeof body.password !== 'string' || !body.jid.includes('@')) {
    throw new CredentialsError(malformed(`${origin}${AUTH_PATH}: unexpected answer`), false);
  }
  return {
    jid: body.jid,
    password: body.password,
    nickname: typeof body.nickname === 'string' && body.nickname ? body.nickname : body.jid.slice(0, body.jid.indexOf('@')),
    type: typeof body.type === 'string' ? body.type : 'peertube',
  };
}

/** WebSocket first (when the admin did not disable it), BOSH after; relative URLs resolve against the origin. */
export function peerTubeEndpoints(origin: string, config: PeerTubeRoomConfig): string[] {
  const endpoints: string[] = [];
  if (config.localWebsocketServiceUrl) {
    const ws = new URL(config.localWebsocketServiceUrl, origin);
    if (ws.protocol === 'https:') ws.protocol = 'wss:';
    if (ws.protocol === 'http:') ws.protocol = 'ws:';
    endpoints.push(ws.href);
  }
  if (config.localBoshServiceUrl) endpoints.push(new URL(config.localBoshServiceUrl, origin).href);
  return endpoints;
}

function malformed(detail: string): Problem {
  return { code: 'internal', detail };
}
