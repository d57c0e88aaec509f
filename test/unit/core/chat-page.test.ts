import { describe, expect, it } from 'vitest';
import { chatPageVideoId } from '../../../src/core/chat-page';

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
    for (const path of [
      '/',
      '/videos/trending',
      '/w/p/hR7kQfVb3m2Z9xYwTt4Lp1',
      '/a/someone/video-channels',
      '/w/',
      '/w/not-an-id!',
      '/w/0OIl0OIl0OIl',
      '/videos/watch/playlist/abc',
      '/w/%E0%A4%A',
    ]) {
      expect(chatPageVideoId(path), path).toBeNull();
    }
  });
});
