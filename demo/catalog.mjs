// The demo instance's content: its users, videos, rooms and what is in them at start.
// Plain data; the servers and tests read it.

export const DOMAIN = 'localhost';
export const MUC_DOMAIN = 'room.localhost';

/** Demo accounts. `role` is what the user is in every chat room. */
export const USERS = [
  { name: 'alice', nickname: 'Alice', password: 'alice-demo-password', role: 'owner' },
  { name: 'bob', nickname: 'Bob', password: 'bob-demo-password', role: 'admin' },
  { name: 'carol', nickname: 'Carol', password: 'carol-demo-password', role: 'participant' },
];

export const userByName = (name) => USERS.find((u) => u.name === name);

/** For startBackend({ users }). */
export const backendUsers = () => USERS.map((u) => ({ username: u.name, password: u.password }));

const FLICKR_BASE58 = '123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';

/** PeerTube's short UUID: the UUID's 128 bits in flickr base58. */
export function shortUUID(uuid) {
  let n = BigInt(`0x${uuid.replace(/-/g, '')}`);
  let out = '';
  while (n > 0n) {
    out = FLICKR_BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  return out;
}

const CHANNEL = { id: 3, name: 'woodshop', displayName: 'The Woodshop', host: '127.0.0.1' };

export const VIDEOS = [
  {
    id: 11,
    uuid: 'f2c1a9e4-3b7d-4c58-9a26-7e1d5b0c8f31',
    name: 'Live: building a birdhouse',
    description: 'We build a birdhouse from scrap wood, live. Ask questions in the chat!',
    isLive: true,
    chat: true,
    tasks: [
      { list: null, name: 'Cut the side panels', order: 0, done: true },
      { list: null, name: 'Drill the entrance hole', description: '32 mm for blue tits', order: 1 },
      { list: null, name: 'Sand the edges', order: 2 },
      { list: 'Stream prep', name: 'Check sound levels', description: 'Ask the chat whether the saw drowns the voice', order: 0 },
      { list: 'Stream prep', name: 'Pin the schedule in the chat', order: 1, done: true },
      { list: 'Stream prep', name: 'Thank the new followers', order: 2 },
    ],
    chatMessages: [
      ['carol', 'Hello everyone! Is the glue already dry?'],
      ['bob', 'Welcome Carol. Reminder: be kind in the chat.'],
      ['carol', 'Which wood is best for a birdhouse?'],
      ['alice', 'Untreated pine or cedar. No paint inside!'],
    ],
  },
  {
    id: 12,
    uuid: '0b6e4f2a-9d13-4e7a-b8c5-3f2a1d9e6c47',
    name: 'Sunday questions and answers',
    description: 'Your questions about tools and wood, answered live.',
    isLive: true,
    chat: true,
    tasks: [
      { list: null, name: 'Collect questions from last week', order: 0 },
      { list: null, name: 'Show the new chisel set', order: 1 },
    ],
    chatMessages: [
      ['carol', 'Can you show the chisels again?'],
      ['alice', 'Sure, right after this question.'],
    ],
  },
  {
    id: 13,
    uuid: '7a3d9c1e-5f28-4b6d-a0e4-c9b2f1d8e5a3',
    name: 'How the birdhouse was made (replay)',
    description: "The replay of last week's stream. Chat is closed for replays.",
    isLive: false,
    chat: false,
    tasks: [],
    chatMessages: [],
  },
].map((v) => ({ ...v, shortUUID: shortUUID(v.uuid), channel: CHANNEL, room: v.chat ? `${v.uuid}@${MUC_DOMAIN}` : null }));

export const videoById = (id) => VIDEOS.find((v) => v.uuid === id || v.shortUUID === id || String(v.id) === id);
export const LIVE_VIDEO = VIDEOS[0];
export const SECOND_LIVE_VIDEO = VIDEOS[1];
export const VIDEO_WITHOUT_CHAT = VIDEOS[2];
