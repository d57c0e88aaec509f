// The life of the content script on one PeerTube tab: for each watch page the
// user reaches (single-page navigation included), tell the background, which
// finds the video's chat room, and show the panel only once the user is known
// to be owner or admin of the room. Leaving the page (or the video) removes
// everything.
import type { RoomRef, Rights } from '../core/types';
import type { send as sendFn } from '../send';
import { readPeerTubeAuth } from './auth';
import { chatPageVideoId } from '../core/chat-page';
import { onUrlChange } from './navigation';
import type { RoomClient } from '../ui/room-port';

export interface MountedPanel {
  unmount(): void;
}
/** `client`: the rights watch's room client, whose views the panel shows and through which it edits */
export type MountPanel = (opts: { doc: Document; room: RoomRef; origin: string; client: RoomClient }) => MountedPanel;

export interface FollowDeps {
  win: Window;
  send: typeof sendFn;
  watchRights: (room: RoomRef, onRights: (rights: Rights) => void) => RoomClient;
  /** loads the panel code on demand: the framework stays out of pages without a panel */
  loadPanel: () => Promise<MountPanel>;
}

interface Visit {
  videoId: string;
  stop(): void;
}

function storageOf(win: Window, which: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return win[which];
  } catch {
    // Sandboxed or blocked storage throws on access.
    return undefined;
  }
}

/** Resolves once the document is parsed (at once when it already is). */
function domParsed(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

export function followWatchPages(deps: FollowDeps): () => void {
  const { win } = deps;
  const origin = win.location.origin;
  let visit: Visit | null = null;

  const startVisit = (videoId: string): Visit => {
    let stopped = false;
    let watch: RoomClient | undefined;
    let panel: MountedPanel | undefined;
    let mounting = false;

    let rightsNow: Rights = 'unknown';
    const onRights = (room: RoomRef) => async (rights: Rights) => {
      rightsNow = rights;
      if (rights === 'moderator' && !panel && !mounting) {
        mounting = true;
        try {
          const mountPanel = await deps.loadPanel();
          // The script runs from the document's start: the panel goes into a parsed page.
          await domParsed(win.document);
          // Rights may have changed while the code loaded.
          if (!stopped && rightsNow === 'moderator' && watch) panel = mountPanel({ doc: win.document, room, origin, client: watch });
        } catch (err) {
          // The extension was updated or reloaded under the page: its files are gone until a reload.
          console.warn('Livechat Tasks: the task panel could not load', err);
        } finally {
          mounting = false;
        }
      } else if (rights === 'none') {
        panel?.unmount();
        panel = undefined;
      }
    };

    void (async () => {
      const reply = await deps.send({
        type: 'content/watch-page',
        videoId,
        url: win.location.href,
        auth: readPeerTubeAuth(storageOf(win, 'localStorage'), storageOf(win, 'sessionStorage')),
      });
      if (stopped || !reply.ok) return;
      // The background answers once it found the room, before it joined it: the panel's code loads while
      // the session connects, and the watch's rights decide the mount (a participant's page loads the code
      // and shows nothing).
      deps.loadPanel().catch(() => {});
      watch = deps.watchRights(reply.value.room, onRights(reply.value.room));
    })();

    return {
      videoId,
      stop() {
        stopped = true;
        watch?.stop();
        panel?.unmount();
        void deps.send({ type: 'content/room-left' });
      },
    };
  };

  const onLocation = () => {
    const videoId = chatPageVideoId(win.location.pathname, win.location.search);
    // Same video (a new ?start= or #hash): the panel stays as it is.
    if (visit?.videoId === videoId) return;
    visit?.stop();
    visit = videoId ? startVisit(videoId) : null;
  };

  onLocation();
  const stopNavigation = onUrlChange(win, onLocation);
  return () => {
    stopNavigation();
    visit?.stop();
    visit = null;
  };
}
