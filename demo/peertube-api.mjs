// JSON answers shaped like a real PeerTube 7 instance with the livechat plugin
// 14 (only the fields clients look at, with their real names and types).
import { BOSH_PATH, WS_PATH } from './xmpp-proxy.mjs';
import { DOMAIN } from './catalog.mjs';

export const LIVECHAT_VERSION = '14.0.4';

export function instanceConfig() {
  return {
    instance: {
      name: 'PeerTube demo',
      shortDescription: 'A local stand-in for a PeerTube instance with the livechat plugin.',
      defaultClientRoute: '/videos/browse',
      isNSFW: false,
    },
    serverVersion: '7.0.1',
    serverCommit: '',
    plugin: {
      registered: [
        {
          npmName: 'peertube-plugin-livechat',
          name: 'livechat',
          version: LIVECHAT_VERSION,
          description:
            'PeerTube plugin livechat: create chat rooms for your Peertube lives! Comes with many features: federation, moderation tools, chat bot, chat persistence, OBS integration, ...',
          clientScripts: {
            'dist/client/videowatch-client-plugin.js': {
              script: 'dist/client/videowatch-client-plugin.js',
              scopes: ['video-watch', 'embed'],
            },
            'dist/client/common-client-plugin.js': { script: 'dist/client/common-client-plugin.js', scopes: ['common'] },
          },
        },
      ],
      registeredExternalAuths: [],
      registeredIdAndPassAuths: [],
    },
    theme: { registered: [], builtIn: [{ name: 'peertube-core-light-beige' }, { name: 'peertube-core-dark-brown' }], default: 'default' },
    live: { enabled: true, allowReplay: true },
    signup: { allowed: false, allowedForCurrentIP: false, requiresEmailVerification: false },
  };
}

export function videoJson(video, origin) {
  return {
    id: video.id,
    uuid: video.uuid,
    shortUUID: video.shortUUID,
    name: video.name,
    description: video.description,
    isLive: video.isLive,
    isLocal: true,
    url: `${origin}/videos/watch/${video.uuid}`,
    state: { id: 1, label: 'Published' },
    privacy: { id: 1, label: 'Public' },
    channel: { ...video.channel, url: `${origin}/video-channels/${video.channel.name}` },
    account: { id: 1, name: 'alice', displayName: 'Alice', host: video.channel.host },
    pluginData: {},
  };
}

export function userJson(user) {
  return {
    id: ['alice', 'bob', 'carol'].indexOf(user.name) + 1,
    username: user.name,
    account: { id: 1, name: user.name, displayName: user.nickname },
    role: { id: 2, label: 'User' },
  };
}

/** The livechat plugin's /api/auth answer: the user's XMPP account on the instance. */
export function authJson(user) {
  return { jid: `${user.name}@${DOMAIN}`, password: user.password, nickname: user.nickname, type: 'peertube' };
}

/** The livechat plugin's /api/configuration/room/<uuid> answer (getConverseJSParams). */
export function roomConfigJson(video, origin) {
  return {
    peertubeVideoOriginalUrl: `${origin}/videos/watch/${video.uuid}`,
    peertubeVideoUUID: video.uuid,
    staticBaseUrl: `/plugins/livechat/${LIVECHAT_VERSION}/static/`,
    assetsPath: `/plugins/livechat/${LIVECHAT_VERSION}/static/conversejs/`,
    isRemoteChat: false,
    localAnonymousJID: `anon.${DOMAIN}`,
    remoteAnonymousJID: null,
    remoteAnonymousXMPPServer: false,
    remoteAuthenticatedXMPPServer: false,
    room: video.room,
    localBoshServiceUrl: BOSH_PATH,
    localWebsocketServiceUrl: WS_PATH,
    remoteBoshServiceUrl: null,
    remoteWebsocketServiceUrl: null,
    authenticationUrl: `${origin}/plugins/livechat/router/api/auth`,
    autoViewerMode: true,
    theme: 'peertube',
    forceReadonly: false,
    transparent: false,
    externalAuthOIDC: undefined,
    customEmojisUrl: null,
  };
}
