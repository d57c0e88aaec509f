// Creates the demo rooms the way PeerTube's livechat does when a live starts:
// the owner (alice) creates and names each room, makes bob an admin, and the
// room's task node gets its first list (the server names it after the room).
// A fresh room also gets a few lists, tasks and chat messages to look at.
import { connectXmpp } from './xmpp-client.mjs';
import {
  configureRoom, fetchItems, joinRoom, publishRaw, readTasks, sendGroupchat, setAffiliation, subscribeTasks, taskListXml, taskXml,
} from './muc.mjs';
import { DOMAIN, USERS, VIDEOS, userByName } from './catalog.mjs';

const connect = (wsUrl, user, resource) => connectXmpp({ url: wsUrl, username: user.name, domain: DOMAIN, password: user.password, resource });

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

/** Sends the seeded chat lines in order, each after the previous one came back from the room. */
async function seedChat(clients, video) {
  const sent = [];
  for (const [name, text] of video.chatMessages) {
    const client = clients[name];
    const echoed = client.waitFor((el) => el.localName === 'message' && el.getAttribute('type') === 'groupchat'
      && el.getAttribute('from')?.startsWith(`${video.room}/`) && el.getElementsByTagName('body')[0]?.textContent === text);
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
      await joinRoom(clients.bob, video.room, bob.nickname);
      await joinRoom(clients.carol, video.room, userByName('carol').nickname);
      messages.set(video.room, await seedChat(clients, video));
    }
  } finally {
    await Promise.all(Object.values(clients).map((c) => c.close()));
  }
  return messages;
}
