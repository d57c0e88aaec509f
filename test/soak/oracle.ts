// What every client wrote, field by field, and when: the soak's memory of
// acknowledged edits. At the end, an edit must be visible on the server
// unless another write to the same field of the same item could have come
// after it (issued before it was done, or at any time after it was issued).
// A deleted list takes its tasks with it, so it counts as a write to the
// existence of every task that was ever in it.
import type { ServerItems } from './server-items';

export type Field = 'exists' | 'name' | 'description' | 'done' | 'list';

export interface Write {
  client: string;
  op: string;
  /** item id; a temporary `local:` id until the creation is published (see alias) */
  item: string;
  field: Field;
  value: unknown;
  issuedAt: number;
  /** when its client knew the server had it (or knew it failed); undefined: not yet */
  doneAt?: number;
  failed?: boolean;
  /** only a possible cause of change for others (a republish that may also resurrect), never checked itself */
  blockerOnly?: boolean;
}

export class Oracle {
  readonly writes: Write[] = [];
  private readonly aliases = new Map<string, string>();

  record(write: Write, doneAt?: number): Write {
    const w = { ...write, ...(doneAt === undefined ? {} : { doneAt }) };
    this.writes.push(w);
    return w;
  }

  settle(write: Write, ok: boolean, at = Date.now()): void {
    if (write.doneAt !== undefined) return;
    write.doneAt = at;
    if (!ok) write.failed = true;
  }

  /** Deleted by someone at some time, itself or with a list it was in. */
  everDeleted(id: string): boolean {
    const target = this.resolve(id);
    const lists = new Set([target]);
    for (const w of this.writes) if (w.field === 'list' && this.resolve(w.item) === target) lists.add(this.resolve(String(w.value)));
    return this.writes.some((w) => w.field === 'exists' && w.value === false && lists.has(this.resolve(w.item)));
  }

  /** A write that was done is being made again (a restarted worker replays its stored queue). */
  reopen(write: Write): void {
    delete write.doneAt;
    delete write.failed;
  }

  /** A creation made offline got its server id. */
  alias(localId: string, serverId: string): void {
    this.aliases.set(localId, serverId);
  }

  resolve(id: string): string {
    return this.aliases.get(id) ?? id;
  }

  /** Acknowledged writes not visible on the server though nothing could have replaced them. */
  lostWrites(server: ServerItems): { lost: Array<{ write: Write; text: string }>; checked: number; unresolved: number } {
    const byKey = new Map<string, Write[]>();
    const unknownListDeletions: Write[] = [];
    let unresolved = 0;
    for (const w of this.writes) {
      const item = this.resolve(w.item);
      if (item.startsWith('local:')) {
        if (!w.failed) unresolved++;
        // a list created offline whose server id was never learnt: its deletion may have taken any task
        if (w.field === 'exists' && w.value === false) unknownListDeletions.push(w);
        continue;
      }
      const key = `${item} ${w.field}`;
      byKey.set(key, [...(byKey.get(key) ?? []), { ...w, item }]);
    }
    // a list deletion is a write on the existence of the tasks that were ever in it
    const listDeletions = new Map<string, Write[]>();
    for (const [key, writes] of byKey) {
      if (!key.endsWith(' exists')) continue;
      for (const w of writes) if (w.value === false) listDeletions.set(w.item, [...(listDeletions.get(w.item) ?? []), w]);
    }
    const listsOfTask = new Map<string, Set<string>>();
    for (const [key, writes] of byKey) {
      if (!key.endsWith(' list')) continue;
      for (const w of writes) {
        const set = listsOfTask.get(w.item) ?? new Set<string>();
        set.add(this.resolve(String(w.value)));
        listsOfTask.set(w.item, set);
      }
    }

    const lost: Array<{ write: Write; text: string }> = [];
    let checked = 0;
    for (const [key, writes] of byKey) {
      const [item, field] = key.split(' ') as [string, Field];
      let rivals = writes;
      if (field === 'exists') {
        for (const list of listsOfTask.get(item) ?? []) rivals = [...rivals, ...(listDeletions.get(list) ?? [])];
        if (server.get(item)?.kind !== 'list') rivals = [...rivals, ...unknownListDeletions];
      }
      for (const w of writes) {
        if (w.failed || w.blockerOnly || w.doneAt === undefined) continue;
        const overtaken = rivals.some((r) => r !== w && !(r.doneAt !== undefined && r.doneAt < w.issuedAt) && !sameWrite(r, w));
        if (overtaken) continue;
        const now = server.get(item);
        const actual = field === 'exists' ? !!now : now ? now[field] : undefined;
        if (field !== 'exists' && !now) continue; // its item is gone: the existence check speaks for it
        const expected = field === 'list' ? this.resolve(String(w.value)) : w.value;
        if (typeof expected === 'string' && expected.startsWith('local:')) continue; // a list whose server id was never learnt
        checked++;
        if (!sameValue(actual, expected)) {
          const history = rivals.map(
            (r) =>
              `${r.client} ${r.op} ${r.item === item ? '' : `(list ${r.item}) `}${r.field}=${JSON.stringify(r.value)} ${time(r.issuedAt)}→${r.doneAt === undefined ? '?' : time(r.doneAt)}${r.failed ? ' failed' : ''}`,
          );
          const text = `${w.client} ${w.op} (${time(w.issuedAt)}): ${field} of ${item} should be ${JSON.stringify(expected)}, the server has ${JSON.stringify(actual)}; writes: ${history.join('; ')}`;
          lost.push({ write: w, text });
        }
      }
    }
    return { lost, checked, unresolved };
  }
}

const time = (ms: number) => new Date(ms).toISOString().slice(11, 23);

const sameWrite = (a: Write, b: Write) => a.client === b.client && a.issuedAt === b.issuedAt && a.op === b.op && a.field === b.field;

/** A blank description is no description, for every client. */
function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === '' ? undefined : v);
  return norm(a) === norm(b);
}
