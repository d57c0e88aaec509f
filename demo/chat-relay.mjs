// The demo page's chat: real messages of the MUC rooms, heard by carol (a plain
// participant who stays in every room), pushed to pages, and sent from pages
// as the logged-in user. It stands in for the ConverseJS the livechat plugin
// shows in the page; it rejoins by itself after the backend restarts.
import { connectXmpp } from './xmpp-client.mjs';
import { joinRoom, sendGroupchat } from './muc.mjs';
import { DOMAIN, userByName } from './catalog.mjs';
import { createRoster } from './roster.mjs';

const LISTENER = 'carol';
const MAX_MESSAGES = 200;

export function startChatRelay({ wsUrl, rooms, initial = new Map(), log = () => {} }) {
  const logs = new Map(rooms.map((room) => [room, [...(initial.get(room) ?? [])]]));
  const watchers = new Map(rooms.map((room) => [room, new Set()]));
  const sessions = new Map(); // user name -> Promise<client> joined to every room
  const roster = createRoster(rooms);
  let stopped = false;
  let counter = 0;

  function record(room, nick, text, msgid) {
    const entry = { id: ++counter, nick, text, time: Date.now(), ...(msgid ? { msgid } : {}) };
    const list = logs.get(room);
    list.push(entry);
    if (list.length > MAX_MESSAGES) list.shift();
    for (const watcher of watchers.get(room)) watcher(entry);
  }

  async function openSession(name) {
    const user = userByName(name);
    const client = await connectXmpp({ url: wsUrl, username: user.name, domain: DOMAIN, password: user.password, resource: 'demo-chat' });
    // The listener reads presences from before its joins: a room sends everyone's presence first.
    if (name === LISTENER) {
      client.on((el) => roster.apply(el));
      client.closedPromise.then(() => roster.clear());
    }
    for (const room of rooms) await joinRoom(client, room, user.nickname);
    return client;
  }

  function session(name) {
    let pending = sessions.get(name);
    if (!pending) {
      pending = openSession(name);
      sessions.set(name, pending);
      pending.then(
        (client) => client.closedPromise.then(() => sessions.get(name) === pending && sessions.delete(name)),
        () => sessions.delete(name),
      );
    }
    return pending;
  }

  async function listen() {
    let delay = 250;
    while (!stopped) {
      try {
        const client = await session(LISTENER);
        delay = 250;
        const off = client.on((el) => {
          if (el.localName !== 'message' || el.getAttribute('type') !== 'groupchat') return;
          const [room, nick] = (el.getAttribute('from') ?? '').split(/\/(.*)/s);
          const body = el.getElementsByTagName('body')[0]?.textContent;
          if (logs.has(room) && nick && body && !el.getElementsByTagName('delay').length) record(room, nick, body, el.getAttribute('id'));
        });
        await client.closedPromise;
        off();
      } catch (error) {
        log(`chat relay: ${error.message}`);
      }
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 3000);
    }
  }
  const listening = listen();

  return {
    messages: (room) => logs.get(room) ?? [],
    /** The room's participants for the page's list (roster.mjs). */
    roster,
    /** Calls `watcher(message)` for each new message of `room`; returns a function that stops it. */
    watch(room, watcher) {
      watchers.get(room)?.add(watcher);
      return () => watchers.get(room)?.delete(watcher);
    },
    async send(userName, room, text) {
      if (!logs.has(room)) throw new Error(`no chat room ${room}`);
      sendGroupchat(await session(userName), room, text);
    },
    async stop() {
      stopped = true;
      const all = [...sessions.values()];
      sessions.clear();
      await Promise.all(
        all.map((p) =>
          p.then(
            (c) => c.close(),
            () => {},
          ),
        ),
      );
      await listening;
    },
  };
}
