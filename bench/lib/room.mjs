// What the room holds right now, read by an independent raw client (Node):
// the number of tasks a panel must show.
import { connectXmpp } from '../../demo/xmpp-client.mjs';
import { fetchItems, readTasks } from '../../demo/muc.mjs';
import { userByName } from '../../demo/catalog.mjs';

export async function connectAs(backend, name, resource = 'bench') {
  const user = userByName(name);
  return connectXmpp({
    url: backend.wsUrl,
    username: user.name,
    domain: backend.domain,
    password: user.password,
    resource,
    presence: false,
  });
}

/** Tasks that belong to an existing list (what a task app shows). */
export async function countTasks(backend, room) {
  const client = await connectAs(backend, 'alice', 'bench-count');
  try {
    const { lists, tasks } = readTasks(await fetchItems(client, room));
    const listIds = new Set(lists.map((l) => l.id));
    return { lists: lists.length, tasks: tasks.filter((t) => listIds.has(t.list)).length };
  } finally {
    await client.close();
  }
}
