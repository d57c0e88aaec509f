// Creates the demo rooms the way PeerTube's livechat does when a live starts:
// the owner (alice) creates and names each room, makes bob an admin, and the
// room's task node gets its first list (the server names it after the room).
// A fresh room also gets a few lists, tasks, moderator notes and chat messages
// to look at.
import { connectXmpp } from './xmpp-client.mjs';
import {
  configureRoom,
  fetchItems,
  joinRoom,
  publishRaw,
  readTasks,
  sendGroupchat,
  setAffiliation,
  subscribeTasks,
  taskListXml,
  taskXml,
} from './muc.mjs';
import { DOMAIN, LIVE_VIDEO, SECOND_LIVE_VIDEO, USERS, VIDEOS, userByName } from './catalog.mjs';
import { noteXml, participantFromPresence, publishNote } from './notes.mjs';

const connect = (wsUrl, user, resource) =>
  connectXmpp({ url: wsUrl, username: user.name, domain: DOMAIN, password: user.password, resource });

async function seedTasks(alice, video) {
  const { lists } = readTasks(await fetchItems(alice, video.room));
  const listIds = new Map();
  for (const task of video.tasks) {
    const listName = task.list ?? video.name;
    if (!listIds.has(listName)) {
      const existing = lists.find((l) => l.name === listName);
      listIds.set(listName, existing ? existing.id : await publishRaw(alice, video.room, taskListXml(listName)));
    }
    await publishRaw(alice, video.room, taskXml({ ...task, list: listIds.get(listName) }));
  }
}

/**
 * Moderator notes at start, oldest first, by video: `about` names a demo user
 * (the note records what alice, a moderator, sees of that participant: nickname,
 * real JID, occupant-id) or describes someone not in the room.
 */
export const SEED_NOTES = {
  [LIVE_VIDEO.uuid]: [
    { description: 'Pinned the safety reminder at the start. Pin it again if the chat gets busy.' },
    { description: 'Asked twice whether the glue was dry: answer after the sanding.\nPrefers cedar.', about: 'carol' },
    {
      description: 'Posted the same link three times on the last stream. Muted for ten minutes.',
      about: { jid: 'k3jx9w@anon.localhost', nick: 'LinkPoster' },
    },
    { description: 'Moderates the Sunday streams: ask before changing the slow mode.', about: 'bob' },
  ],
  [SECOND_LIVE_VIDEO.uuid]: [{ description: 'Wants to see the chisels again: show them at the end.', about: 'carol' }],
};

/** Publishes the video's notes as the official client creates them: each one 1 + the highest order. */
async function seedNotes(alice, video, seen) {
  let order = 0;
  for (const note of SEED_NOTES[video.uuid] ?? []) {
    const about = typeof note.about === 'string' ? seen[note.about] : note.about;
    await publishNote(alice, video.room, noteXml({ description: note.description, order: ++order, about }));
  }
}

/** `client` joins as `nick`; resolves with what `moderator` (already in the room) sees of it. */
async function joinSeenBy(moderator, client, room, nick) {
  const presence = moderator.waitFor(
    (el) => el.localName === 'presence' && el.getAttribute('from') === `${room}/${nick}` && !el.getAttribute('type'),
  );
  await joinRoom(client, room, nick);
  return participantFromPresence(await presence);
}

/** Sends the seeded chat lines in order, each after the previous one came back from the room. */
async function seedChat(clients, video) {
  const sent = [];
  for (const [name, text] of video.chatMessages) {
    const client = clients[name];
    const echoed = client.waitFor(
      (el) =>
        el.localName === 'message' &&
        el.getAttribute('type') === 'groupchat' &&
        el.getAttribute('from')?.startsWith(`${video.room}/`) &&
        el.getElementsByTagName('body')[0]?.textContent === text,
    );
    sendGroupchat(client, video.room, text);
    await echoed;
    sent.push({ nick: userByName(name).nickname, text, time: Date.now() });
  }
  return sent;
}

/**
 * Makes every chat room of the catalog exist with its owner, admin and name.
 * Content is added only to rooms whose task node holds nothing but its first list,
 * so seeding again against the same data changes nothing.
 * Resolves with the chat messages it sent, by room JID (the demo page shows them).
 */
export async function seedRooms(wsUrl) {
  const clients = {};
  const messages = new Map();
  try {
    for (const user of USERS) clients[user.name] = await connect(wsUrl, user, 'demo-seed');
    const bob = userByName('bob');
    for (const video of VIDEOS.filter((v) => v.chat)) {
      const affiliation = await joinRoom(clients.alice, video.room, userByName('alice').nickname);
      if (affiliation !== 'owner') throw new Error(`alice should own ${video.room} but is ${affiliation}`);
      await configureRoom(clients.alice, video.room, { name: video.name, description: video.description });
      await setAffiliation(clients.alice, video.room, `${bob.name}@${DOMAIN}`, 'admin');
      await subscribeTasks(clients.alice, video.room);
      const fresh = (await fetchItems(clients.alice, video.room)).length <= 1;
      if (!fresh) continue;
      await seedTasks(clients.alice, video);
      const seen = {
        bob: await joinSeenBy(clients.alice, clients.bob, video.room, bob.nickname),
        carol: await joinSeenBy(clients.alice, clients.carol, video.room, userByName('carol').nickname),
      };
      await seedNotes(clients.alice, video, seen);
      messages.set(video.room, await seedChat(clients, video));
    }
  } finally {
    await Promise.all(Object.values(clients).map((c) => c.close()));
  }
  return messages;
}
