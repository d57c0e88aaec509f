import { describe, expect, it } from 'vitest';
import { configHasLivechat, fetchRoomConfig, fetchVideo, livechatProbe, chatPageVideoId } from '../../../src/content/detect';
import { fakePeerTube, VIDEO_A, VIDEO_NO_CHAT } from './fake-peertube';

const ORIGIN = 'https://peertube.test';

describe('watch page URLs', () => {
  it('finds the video id of /w/<short-uuid> and /videos/watch/<uuid>', () => {
    expect(chatPageVideoId('/w/hR7kQfVb3m2Z9xYwTt4Lp1')).toBe('hR7kQfVb3m2Z9xYwTt4Lp1');
    expect(chatPageVideoId('/videos/watch/8a4c5e2f-1b3d-4e5f-9a7b-0c1d2e3f4a5b')).toBe('8a4c5e2f-1b3d-4e5f-9a7b-0c1d2e3f4a5b');
    expect(chatPageVideoId('/w/8a4c5e2f-1b3d-4e5f-9a7b-0c1d2e3f4a5b/')).toBe('8a4c5e2f-1b3d-4e5f-9a7b-0c1d2e3f4a5b');
  });

  it("finds the video uuid of the plugin's full-page chats", () => {
    const uuid = '8a4c5e2f-1b3d-4e5f-9a7b-0c1d2e3f4a5b';
    expect(chatPageVideoId('/p/livechat/room', `?room=${uuid}`)).toBe(uuid);
    expect(chatPageVideoId(`/plugins/livechat/router/webchat/room/${uuid}`)).toBe(uuid);
    expect(chatPageVideoId('/p/livechat/room', '?room=channel.12')).toBeNull();
    expect(chatPageVideoId('/p/livechat/room', '')).toBeNull();
  });

  it('says "no watch page" for other PeerTube pages and for ids that are not video ids', () => {
    for (const path of ['/', '/videos/trending', '/w/p/hR7kQfVb3m2Z9xYwTt4Lp1', '/a/someone/video-channels', '/w/', '/w/not-an-id!', '/w/0OIl0OIl0OIl', '/videos/watch/playlist/abc', '/w/%E0%A4%A']) {
      expect(chatPageVideoId(path), path).toBeNull();
    }
  });
});

describe('PeerTube configuration', () => {
  it('recognises the livechat plugin among the registered plugins', () => {
    expect(configHasLivechat({ plugin: { registered: [{ name: 'livechat', npmName: 'peertube-plugin-livechat' }] } })).toBe(true);
    expect(configHasLivechat({ plugin: { registered: [{ name: 'other', npmName: 'peertube-plugin-other' }] } })).toBe(false);
    expect(configHasLivechat({ plugin: {} })).toBe(false);
    expect(configHasLivechat(null)).toBe(false);
    expect(configHasLivechat('<html>')).toBe(false);
  });

  it('asks the instance once per page load, whatever the number of checks', async () => {
    const server = fakePeerTube();
    const probe = livechatProbe(ORIGIN, server.fetch);
    expect(await probe()).toBe(true);
    expect(await probe()).toBe(true);
    expect(server.requests.map((r) => r.url)).toEqual(['/api/v1/config']);
  });

  it('answers false for a site that is not PeerTube, and for a PeerTube without livechat', async () => {
    expect(await livechatProbe(ORIGIN, fakePeerTube({ peertube: false }).fetch)()).toBe(false);
    expect(await livechatProbe(ORIGIN, fakePeerTube({ livechat: false }).fetch)()).toBe(false);
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await livechatProbe(ORIGIN, offline)()).toBe(false);
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
    const server = fakePeerTube({ videos: [VIDEO_A, VIDEO_NO_CHAT, { ...VIDEO_NO_CHAT, uuid: '99999999-2222-4333-8444-555555555555', chat: 403 }] });
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
