// Sends one planned edit to the server. Its items go out back to back,
// without waiting for each answer: Prosody handles a stream's stanzas in
// order, so they land in the order planned (the official client's), only
// sooner (a move renumbering 98 tasks used to take 98 round trips). A write by
// another moderator that got in just before one of ours is merged, and that
// item published again (merge.ts).
import { publishPayloadIq, retractIq } from '../../core/stanzas';
import { IqError } from '../xmpp/errors';
import type { CrossingWrites } from './merge';

/** How many times an item is merged and published again when it keeps crossing others' edits. */
const MAX_MERGE_ROUNDS = 3;

export interface PublisherDeps<I extends { id: string }> {
  roomJid: string;
  node: string;
  /** an item's payload, serialized */
  serialize(item: I): string;
  iq(xml: string): Promise<Element>;
  nextId(): string;
  crossing: CrossingWrites<I>;
  /** the server accepted our write; `echoed`: our own notification of it was applied already */
  published(item: I, echoed: boolean): void;
  retracted(id: string): void;
  /** retracting `id` waits until everything before it is gone (a task list after its tasks) */
  retractsLast(id: string): boolean;
  log(...a: unknown[]): void;
}

/**
 * Publishes `items` in order without waiting between them; `acked` is called
 * with each item's id as soon as the server accepted it. Resolves with the ids
 * of the items our write recreated (someone retracted them just before it
 * reached the server, merge.ts); rejects with the first failure once every
 * answer is in.
 */
export async function publishItems<I extends { id: string }>(
  deps: PublisherDeps<I>,
  items: I[],
  acked: (id: string) => void,
): Promise<string[]> {
  const recreated: string[] = [];
  await settleAll(
    items.map(async (item) => {
      const outcome = await publishItem(deps, item);
      if (outcome.recreated) recreated.push(outcome.id);
      acked(outcome.id);
    }),
  );
  return recreated;
}

/** Publish one item; if another moderator's write got in just before ours, publish the merge of both. */
async function publishItem<I extends { id: string }>(deps: PublisherDeps<I>, item: I): Promise<{ id: string; recreated: boolean }> {
  let mine = item;
  for (let round = 1; ; round++) {
    await deps.iq(publishPayloadIq(deps.roomJid, deps.node, mine.id, deps.serialize(mine), deps.nextId()));
    const { echoed, recreated, merged } = deps.crossing.settle(mine);
    // Our own notification came first and is already applied, maybe followed
    // by newer writes handled in the same network read: never overwrite those.
    deps.published(mine, echoed);
    if (!merged || round > MAX_MERGE_ROUNDS) {
      deps.crossing.forget(mine.id);
      return { id: mine.id, recreated: !!recreated };
    }
    deps.log('room: merged a crossing edit', deps.roomJid, mine.id);
    mine = merged;
  }
}

/**
 * A planned edit on the server: its items published in order, then what it
 * retracts. `acked` hears of each item the server took. Items that only
 * moved (renumbered) and that someone deleted while the edit was on its way
 * were brought back by our write: they are taken away again
 * (docs/protocol.md §4, "Crossing a deletion"). The item the user acted on,
 * `kept`, stays: their edit reached the server after the deletion, and the
 * later write wins, as it does between any two moderators.
 */
export async function publishPlan<I extends { id: string }>(
  deps: PublisherDeps<I>,
  items: I[],
  retract: string[],
  kept: string,
  acked: (id: string) => void,
): Promise<void> {
  const recreated = await publishItems(deps, items, acked);
  await retractItems(deps, retract);
  await retractItems(
    deps,
    recreated.filter((id) => id !== kept),
  );
}

/**
 * Retracts `ids` in order, without waiting between them, except that a list
 * goes only once everything before it is gone: as with the official client,
 * a list never disappears while its tasks remain.
 */
export async function retractItems<I extends { id: string }>(deps: PublisherDeps<I>, ids: string[]): Promise<void> {
  let batch: Promise<void>[] = [];
  for (const id of ids) {
    if (deps.retractsLast(id)) {
      await settleAll(batch);
      batch = [];
    }
    batch.push(retractItem(deps, id));
  }
  await settleAll(batch);
}

async function retractItem<I extends { id: string }>(deps: PublisherDeps<I>, id: string): Promise<void> {
  try {
    await deps.iq(retractIq(deps.roomJid, id, deps.nextId(), deps.node));
  } catch (e) {
    // already gone: what we wanted
    if (!(e instanceof IqError && e.condition === 'item-not-found')) throw e;
  }
  deps.retracted(id);
}

/** Waits for every request, then rejects with the first failure, if any. */
async function settleAll(requests: Promise<void>[]): Promise<void> {
  const answers = await Promise.allSettled(requests);
  const failed = answers.find((a): a is PromiseRejectedResult => a.status === 'rejected');
  if (failed) throw failed.reason;
}
