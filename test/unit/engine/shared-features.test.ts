// The room's two nodes sync side by side from one disco#info (node-sync.ts
// sharedFeatures): the notes add no request and no round trip to a cold start.
import { expect, test } from 'vitest';
import { sharedFeatures } from '../../../src/background/engine/node-sync';
import { parseXml } from '../core/helpers';

test('nodes that sync at the same moment share one disco#info; the next sync asks again', async () => {
  const asked: string[] = [];
  const answers: ((iq: Element) => void)[] = [];
  const features = sharedFeatures({
    roomJid: 'room@muc.example.org',
    nextId: () => `q${asked.length}`,
    iq: (xml) => {
      asked.push(xml);
      return new Promise((resolve) => answers.push(resolve));
    },
  });
  const tasks = features();
  const notes = features();
  expect(asked).toHaveLength(1);
  expect(asked[0]).toContain('http://jabber.org/protocol/disco#info');
  answers[0]!(
    parseXml(
      '<iq xmlns="jabber:client" type="result"><query xmlns="http://jabber.org/protocol/disco#info"><feature var="urn:peertube-plugin-livechat:tasklist"/><feature var="urn:peertube-plugin-livechat:note"/></query></iq>',
    ),
  );
  const expected = ['urn:peertube-plugin-livechat:tasklist', 'urn:peertube-plugin-livechat:note'];
  expect(await tasks).toEqual(expected);
  expect(await notes).toEqual(expected);
  void features();
  expect(asked).toHaveLength(2);
});
