// Views compared with the server's items, field by field, as a user would
// compare two screens.
import type { RoomView } from '../../src/core/types';
import type { OfficialClient } from './official-client';
import type { ServerItems } from './server-items';

export function settledView(view: RoomView): boolean {
  return view.status === 'live' && view.rights === 'moderator' && view.pending.length === 0 && view.loaded;
}

export function describeState(view: RoomView): string {
  return JSON.stringify({ status: view.status, rights: view.rights, pending: view.pending.length, problem: view.problem });
}

/** What an engine's view shows that the server does not have, or the other way round. */
export function differences(server: ServerItems, view: RoomView): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [id, list] of Object.entries(view.items.lists)) {
    seen.add(id);
    const s = server.get(id);
    if (s?.kind !== 'list') out.push(`list ${id} "${list.name}" is not on the server`);
    else if (s.name !== list.name) out.push(`list ${id} is "${list.name}", the server says "${s.name}"`);
    else if (s.unknownAttrs.length !== Object.keys(list.unknown?.attrs ?? {}).length) out.push(`list ${id}: unknown data differs`);
  }
  for (const [id, task] of Object.entries(view.items.tasks)) {
    seen.add(id);
    const s = server.get(id);
    const mine = { name: task.name, description: task.description, done: task.done, list: task.list, order: task.order };
    const theirs = s && { name: s.name, description: s.description, done: s.done, list: s.list, order: s.order };
    if (s?.kind !== 'task') out.push(`task ${id} "${task.name}" is not on the server`);
    else if (JSON.stringify(mine) !== JSON.stringify(theirs))
      out.push(`task ${id} is ${JSON.stringify(mine)}, the server has ${JSON.stringify(theirs)}`);
    else if (s.unknownAttrs.length !== Object.keys(task.unknown?.attrs ?? {}).length) out.push(`task ${id}: unknown data differs`);
  }
  for (const [id, s] of server) if (!seen.has(id)) out.push(`${s.kind} ${id} "${s.name}" is on the server, not in the view`);
  return out;
}

/**
 * The same for the official client, on the fields it knows. Its model keeps
 * a description a later update lacks (Backbone `save` merges), so a
 * description the server no longer has is not held against it.
 */
export function officialDifferences(server: ServerItems, client: OfficialClient): string[] {
  const out: string[] = [];
  for (const [id, s] of server) {
    if (s.kind === 'list') {
      if (client.lists.get(id)?.name !== s.name) out.push(`list ${id} "${s.name}" is "${client.lists.get(id)?.name}"`);
      continue;
    }
    const t = client.tasks.get(id);
    const mine = t && {
      name: t.name,
      done: t.done,
      list: t.list,
      order: t.order,
      description: s.description === undefined ? undefined : t.description || undefined,
    };
    const theirs = { name: s.name, done: s.done, list: s.list, order: s.order, description: s.description || undefined };
    if (JSON.stringify(mine) !== JSON.stringify(theirs))
      out.push(`task ${id} is ${JSON.stringify(mine)}, the server has ${JSON.stringify(theirs)}`);
  }
  for (const id of [...client.lists.keys(), ...client.tasks.keys()]) if (!server.has(id)) out.push(`${id} is not on the server`);
  return out;
}
