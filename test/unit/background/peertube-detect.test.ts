// The background's half of PeerTube detection (docs/protocol.md §7): it asks the
// instance about the video of a watch page a content script reported. The
// PeerTube server is the fake fetch of fake-peertube.ts.
import { describe, expect, it } from 'vitest';
import { configHasLivechat, fetchRoomConfig, fetchVideo, roomPageFinder } from '../../../src/background/peertube-detect';
import { fakePeerTube, VIDEO_A, VIDEO_B, VIDEO_NO_CHAT } from '../content/fake-peertube';

const ORIGIN = 'https://peertube.test';
const pageOf = (videoId: string) => ({ videoId, url: `${ORIGIN}/w/${videoId}`, auth: null });

describe('PeerTube configuration', () => {
  it('recognises the livechat plugin among the registered plugins', () => {
    expect(configHasLivechat({ plugin: { registered: [{ name: 'livechat', npmName: 'peertube-plugin-livechat' }] } })).toBe(true);
    expect(configHasLivechat({ plugin: { registered: [{ name: 'other', npmName: 'peertube-plugin-other' }] } })).toBe(false);
    expect(configHasLivechat({ plugin: {} })).toBe(false);
    expect(configHasLivechat(null)).toBe(false);
    expect(configHasLivechat('<html>')).toBe(false);
  });
});

describe('video and room', () => {
  it('resolves a short uuid to the full uuid and title, sending the user token', async () => {
    const server = fakePeerTube({ videos: [VIDEO_A] });
    const video = await fetchVideo(ORIGIN, VIDEO_A.shortUUID, server.fetch, { Authorization: 'Bearer tok' });
    expect(video).toEqual({ uuid: VIDEO_A.uuid, title: 'Morning stream' });
    expect(server.requests[0]!.headers.Authorization).toBe('Bearer tok');
    expect(await fetchVideo(ORIGIN, 'zzzzzzzzzzzz', server.fetch)).toBeNull();
  });

  it('reads the room configuration, and says "no chat" on 404 or 403', async () => {
    const server = fakePeerTube({
      videos: [VIDEO_A, VIDEO_NO_CHAT, { ...VIDEO_NO_CHAT, uuid: '99999999-2222-4333-8444-555555555555', chat: 403 }],
    });
    expect(await fetchRoomConfig(ORIGIN, VIDEO_A.uuid, server.fetch)).toEqual({
      room: '8a4c5e2f-1b3d-4e5f-9a7b-0c1d2e3f4a5b@room.peertube.test',
      localWebsocketServiceUrl: '/plugins/livechat/ws/xmpp-websocket',
      localBoshServiceUrl: '/plugins/livechat/router/http-bind',
      isRemoteChat: false,
      peertubeVideoUUID: VIDEO_A.uuid,
    });
    expect(await fetchRoomConfig(ORIGIN, VIDEO_NO_CHAT.uuid, server.fetch)).toBeNull();
    expect(await fetchRoomConfig(ORIGIN, '99999999-2222-4333-8444-555555555555', server.fetch)).toBeNull();
  });

  it('rejects a room configuration without a room JID', async () => {
    const broken = async () => new Response(JSON.stringify({ room: 42 }), { status: 200 });
    expect(await fetchRoomConfig(ORIGIN, VIDEO_A.uuid, broken)).toBeNull();
  });
});

describe('finding the room of a reported watch page', () => {
  it('finds the room, title and full uuid, sending the page credentials to the video API', async () => {
    const server = fakePeerTube({ videos: [VIDEO_A] });
    const auth = { kind: 'peertube' as const, tokenType: 'Bearer', accessToken: 'secret-token' };
    const page = await roomPageFinder(server.fetch)(ORIGIN, { ...pageOf(VIDEO_A.shortUUID), auth });
    expect(page).toEqual({
      origin: ORIGIN,
      videoUUID: VIDEO_A.uuid,
      title: 'Morning stream',
      url: `${ORIGIN}/w/${VIDEO_A.shortUUID}`,
      config: expect.objectContaining({ room: `${VIDEO_A.uuid}@room.peertube.test`, peertubeVideoUUID: VIDEO_A.uuid }),
      auth,
    });
    expect(server.requests.find((r) => r.url.startsWith('/api/v1/videos/'))!.headers.Authorization).toBe('Bearer secret-token');
  });

  it('asks an instance with livechat for its configuration once, whatever the number of pages', async () => {
    const server = fakePeerTube({ videos: [VIDEO_A, VIDEO_B] });
    const find = roomPageFinder(server.fetch);
    await find(ORIGIN, pageOf(VIDEO_A.shortUUID));
    await find(ORIGIN, pageOf(VIDEO_B.shortUUID));
    expect(server.requests.filter((r) => r.url === '/api/v1/config')).toHaveLength(1);
  });

  it('finds nothing on a site that is not PeerTube, on a PeerTube without livechat, offline, or for a video without chat', async () => {
    expect(await roomPageFinder(fakePeerTube({ peertube: false, videos: [VIDEO_A] }).fetch)(ORIGIN, pageOf(VIDEO_A.uuid))).toBeNull();
    const noLivechat = fakePeerTube({ livechat: false, videos: [VIDEO_A] });
    expect(await roomPageFinder(noLivechat.fetch)(ORIGIN, pageOf(VIDEO_A.uuid))).toBeNull();
    // the video is asked beside the configuration (as the page itself asks), its chat's room never
    expect(noLivechat.requests.map((r) => r.url).sort()).toEqual(['/api/v1/config', `/api/v1/videos/${VIDEO_A.uuid}`]);
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await roomPageFinder(offline)(ORIGIN, pageOf(VIDEO_A.uuid))).toBeNull();
    expect(await roomPageFinder(fakePeerTube({ videos: [VIDEO_NO_CHAT] }).fetch)(ORIGIN, pageOf(VIDEO_NO_CHAT.shortUUID))).toBeNull();
  });

  it('asks an instance without livechat again on the next page (the plugin may have been installed since)', async () => {
    const server = fakePeerTube({ livechat: false, videos: [VIDEO_A] });
    const find = roomPageFinder(server.fetch);
    await find(ORIGIN, pageOf(VIDEO_A.uuid));
    await find(ORIGIN, pageOf(VIDEO_A.uuid));
    expect(server.requests.filter((r) => r.url === '/api/v1/config')).toHaveLength(2);
  });
});
