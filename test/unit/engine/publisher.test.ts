// What goes to the server for one planned edit, and when: requests are
// recorded and answered by the test, in the order a server would.
import { describe, expect, it } from 'vitest';
import { publishItems, retractItems, type PublisherDeps } from '../../../src/background/engine/publisher';
import { CrossingWrites } from '../../../src/background/engine/merge';
import { tasksEdits } from '../../../src/background/engine/tasks-edits';
import { serializeItem } from '../../../src/core/codec';
import { IqError } from '../../../src/background/xmpp/errors';
import type { Item } from '../../../src/core/types';

interface Request {
  kind: 'publish' | 'retract';
  item: string;
  answer(error?: IqError): void;
}

function server(lists: string[] = []) {
  const sent: Request[] = [];
  const published: string[] = [];
  const retracted: string[] = [];
  let n = 0;
  const deps: PublisherDeps<Item> = {
    roomJid: 'room@muc.example.org',
    node: 'livechat-tasks',
    serialize: serializeItem,
    iq: (xml) =>
      new Promise<Element>((resolve, reject) => {
        const [, kind, item] = /<(publish|retract) [\s\S]*?<item id="([^"]+)"/.exec(xml)!;
        sent.push({ kind: kind as Request['kind'], item: item!, answer: (error) => (error ? reject(error) : resolve({} as Element)) });
      }),
    nextId: () => `q${++n}`,
    crossing: new CrossingWrites(tasksEdits.fields),
    published: (item) => published.push(item.id),
    retracted: (id) => retracted.push(id),
    retractsLast: (id) => lists.includes(id),
    log: () => {},
  };
  return { deps, sent, published, retracted };
}

const task = (id: string, order: number): Item => ({
  kind: 'task',
  id,
  list: 'L',
  name: id,
  order,
  done: false,
  unknown: { attrs: {}, children: [] },
});
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('publishing a plan', () => {
  it("sends every item at once, in the plan's order, and tells each acknowledgement as it comes", async () => {
    const { deps, sent, published } = server();
    const acked: string[] = [];
    const done = publishItems(deps, [task('b', 3), task('c', 4), task('a', 2)], (id) => acked.push(id));
    expect(sent.map((r) => `${r.kind} ${r.item}`)).toEqual(['publish b', 'publish c', 'publish a']);
    sent[0]!.answer();
    await settle();
    expect(acked).toEqual(['b']);
    sent[1]!.answer();
    sent[2]!.answer();
    await done;
    expect(acked).toEqual(['b', 'c', 'a']);
    expect(published).toEqual(['b', 'c', 'a']);
  });

  it('fails with the first error once every answer is in', async () => {
    const { deps, sent } = server();
    const acked: string[] = [];
    const done = publishItems(deps, [task('b', 3), task('a', 2)], (id) => acked.push(id));
    sent[0]!.answer(new IqError('forbidden', 'auth'));
    sent[1]!.answer();
    await expect(done).rejects.toMatchObject({ condition: 'forbidden' });
    expect(acked).toEqual(['a']);
  });
});

describe('retracting', () => {
  it("retracts a list's tasks together and the list only once they are gone", async () => {
    const { deps, sent, retracted } = server(['L']);
    const done = retractItems(deps, ['t1', 't2', 'L']);
    expect(sent.map((r) => r.item)).toEqual(['t1', 't2']);
    sent[0]!.answer();
    await settle();
    expect(sent.map((r) => r.item)).toEqual(['t1', 't2']);
    sent[1]!.answer(new IqError('item-not-found', 'cancel')); // already gone: fine
    await settle();
    expect(sent.map((r) => r.item)).toEqual(['t1', 't2', 'L']);
    sent[2]!.answer();
    await done;
    expect(retracted).toEqual(['t1', 't2', 'L']);
  });

  it('keeps the list when one of its tasks could not be retracted', async () => {
    const { deps, sent } = server(['L']);
    const done = retractItems(deps, ['t1', 'L']);
    sent[0]!.answer(new IqError('forbidden', 'auth'));
    await expect(done).rejects.toMatchObject({ condition: 'forbidden' });
    expect(sent.map((r) => r.item)).toEqual(['t1']);
  });
});
