// The demo page's participant list: the occupants of each room as one
// listening session sees them in MUC presences (nickname, affiliation, role),
// served to pages as server-sent events. Like a plain participant in the real
// chat, the listener sees no real JIDs.
import { child, children } from './xmpp-client.mjs';

const MUC_USER = 'http://jabber.org/protocol/muc#user';

export function createRoster(rooms) {
  const occupants = new Map(rooms.map((room) => [room, new Map()])); // room -> nick -> { nick, affiliation, role }
  const watchers = new Map(rooms.map((room) => [room, new Set()]));

  const list = (room) => [...(occupants.get(room)?.values() ?? [])].sort((a, b) => a.nick.localeCompare(b.nick));
  const changed = (room) => {
    const now = list(room);
    for (const watcher of watchers.get(room)) watcher(now);
  };

  return {
    list,
    /** Reads one stanza; presences of our rooms update the list. */
    apply(el) {
      if (el.localName !== 'presence') return;
      const [room, nick] = (el.getAttribute('from') ?? '').split(/\/(.*)/s);
      const byNick = occupants.get(room);
      const x = children(el, 'x').find((e) => e.namespaceURI === MUC_USER);
      if (!byNick || !nick || !x) return;
      if (el.getAttribute('type') === 'unavailable') byNick.delete(nick);
      else {
        const item = child(x, 'item');
        byNick.set(nick, { nick, affiliation: item?.getAttribute('affiliation') ?? 'none', role: item?.getAttribute('role') ?? 'none' });
      }
      changed(room);
    },
    /** The listener left every room (its connection closed): the lists come again when it rejoins. */
    clear() {
      for (const [room, byNick] of occupants) {
        byNick.clear();
        changed(room);
      }
    },
    /** Sends `room`'s list now and at each change, as server-sent events, until the request closes. */
    serve(req, res, room, streams) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      const push = (now) => res.write(`data: ${JSON.stringify(now)}\n\n`);
      push(list(room));
      watchers.get(room).add(push);
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      const stream = { end: () => res.end() };
      streams.add(stream);
      req.on('close', () => {
        clearInterval(keepAlive);
        watchers.get(room).delete(push);
        streams.delete(stream);
      });
    },
  };
}
