import { describe, expect, test } from 'vitest';
import { parseItem, serializeItem, type ParsedItem } from '../../../src/core/codec';
import { NS, type Item } from '../../../src/core/types';
import { itemEl, officialTaskListPayload, officialTaskPayload, parseXml } from './helpers';

const TASK = `xmlns="${NS.task}"`;
const LIST = `xmlns="${NS.tasklist}"`;
const ok = (r: ParsedItem): Item => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r.item;
};

describe('parseItem: good items', () => {
  test('a task list', () => {
    expect(ok(parseItem(itemEl(`<tasklist ${LIST}><name>Stream prep</name></tasklist>`, 'L1')))).toEqual({
      kind: 'tasklist',
      id: 'L1',
      name: 'Stream prep',
    });
  });

  test('a done task with a description (the docs/protocol.md example)', () => {
    const xml = `<task ${TASK} list="LIST-ID" order="3" done="true"><name>Check sound</name><description>Ask chat</description></task>`;
    expect(ok(parseItem(itemEl(xml, 'T1')))).toEqual({
      kind: 'task',
      id: 'T1',
      list: 'LIST-ID',
      name: 'Check sound',
      description: 'Ask chat',
      order: 3,
      done: true,
    });
  });

  test('a task without description has none (not an empty one); an empty one is kept empty', () => {
    const without = ok(parseItem(itemEl(`<task ${TASK} list="L" order="1"><name>n</name></task>`)));
    expect(without).not.toHaveProperty('description');
    const empty = ok(parseItem(itemEl(`<task ${TASK} list="L" order="1"><name>n</name><description/></task>`)));
    expect(empty).toMatchObject({ description: '' });
  });

  test('a notified item (with publisher) parses the same', () => {
    const el = parseXml(
      `<item xmlns="${NS.pubsubEvent}" id="x" publisher="alice@example.org"><tasklist ${LIST}><name>A</name></tasklist></item>`,
    );
    expect(ok(parseItem(el))).toMatchObject({ kind: 'tasklist', id: 'x', name: 'A' });
  });

  test.each([
    ['true', true],
    ['false', true], // the official client reads !!value: any non-empty value is done
    ['1', true],
    ['', false],
  ])('done="%s" reads as %s, like the official client', (value, done) => {
    const t = ok(parseItem(itemEl(`<task ${TASK} list="L" order="1" done="${value}"><name>n</name></task>`)));
    expect(t).toMatchObject({ done });
  });

  test('no done attribute is not done', () => {
    expect(ok(parseItem(itemEl(`<task ${TASK} list="L" order="1"><name>n</name></task>`)))).toMatchObject({ done: false });
  });

  test.each([
    ['0', 0],
    ['42', 42],
    ['-3', -3],
    [' 7 ', 7],
    ['+2', 2],
    ['', 0],
    ['NaN', 0], // what the official client writes back for a task without order
  ])('order="%s" reads as %s', (value, order) => {
    expect(ok(parseItem(itemEl(`<task ${TASK} list="L" order="${value}"><name>n</name></task>`)))).toMatchObject({ order });
  });

  test('a missing order counts as 0, as the official client ("order ?? 0")', () => {
    expect(ok(parseItem(itemEl(`<task ${TASK} list="L"><name>n</name></task>`)))).toMatchObject({ order: 0 });
  });

  test('markup and script in names stay plain text', () => {
    const t = ok(parseItem(itemEl(`<tasklist ${LIST}><name>&lt;img src=x onerror=alert(1)&gt;</name></tasklist>`)));
    expect(t.name).toBe('<img src=x onerror=alert(1)>');
  });

  test('a 100,000-character name and RTL text are kept whole', () => {
    const long = 'x'.repeat(100_000);
    expect(ok(parseItem(itemEl(`<tasklist ${LIST}><name>${long}</name></tasklist>`))).name).toBe(long);
    const rtl = 'قائمة \u202Bمهام\u202C';
    expect(ok(parseItem(itemEl(`<task ${TASK} list="L" order="1"><name>${rtl}</name></task>`))).name).toBe(rtl);
  });

  test('whitespace in names is kept as sent (line breaks too)', () => {
    expect(ok(parseItem(itemEl(`<tasklist ${LIST}><name>  a\n b </name></tasklist>`))).name).toBe('  a\n b ');
  });

  test('a repeated <name>: the last wins, as in the official client', () => {
    expect(ok(parseItem(itemEl(`<tasklist ${LIST}><name>first</name><name>last</name></tasklist>`))).name).toBe('last');
  });

  test('unknown attributes and children are kept, in order, namespaces included', () => {
    const xml =
      `<task ${TASK} xmlns:f="urn:f" list="L" order="2" priority="high" f:color="red">` +
      `<name>n</name><due>2026-01-01</due><x xmlns="urn:other"><y/></x><f:tag>t</f:tag></task>`;
    const t = ok(parseItem(itemEl(xml)));
    expect(t.unknown).toEqual({
      attrs: { 'xmlns:f': 'urn:f', priority: 'high', 'f:color': 'red' },
      children: ['<due>2026-01-01</due>', '<x xmlns="urn:other"><y/></x>', '<f:tag xmlns:f="urn:f">t</f:tag>'],
    });
  });

  test('unknown children alone, or unknown attributes alone: the other half of `unknown` is there, empty; neither: no `unknown`', () => {
    const children = ok(parseItem(itemEl(`<task ${TASK} list="L" order="2"><name>n</name><due>d</due></task>`)));
    expect(children.unknown).toEqual({ attrs: {}, children: ['<due>d</due>'] });
    const attrs = ok(parseItem(itemEl(`<task ${TASK} list="L" order="2" priority="high"><name>n</name></task>`)));
    expect(attrs.unknown).toEqual({ attrs: { priority: 'high' }, children: [] });
    const known = ok(parseItem(itemEl(`<task ${TASK} list="L" order="2" done="true"><name>n</name></task>`)));
    expect(known).not.toHaveProperty('unknown');
  });

  test('a <name> in another namespace is an unknown child, not the name', () => {
    const r = parseItem(itemEl(`<tasklist ${LIST}><name xmlns="urn:other">no</name><name>yes</name></tasklist>`));
    const l = ok(r);
    expect(l.name).toBe('yes');
    expect(l.unknown?.children).toEqual(['<name xmlns="urn:other">no</name>']);
  });

  test('a prefixed attribute declared on <item> keeps its declaration', () => {
    const el = parseXml(`<item xmlns="${NS.pubsub}" xmlns:g="urn:g" id="i"><tasklist ${LIST} g:a="1"><name>n</name></tasklist></item>`);
    expect(ok(parseItem(el)).unknown?.attrs).toEqual({ 'g:a': '1', 'xmlns:g': 'urn:g' });
  });

  test('an attribute named __proto__ stays an ordinary attribute', () => {
    const t = ok(parseItem(itemEl(`<tasklist ${LIST} __proto__="p"><name>n</name></tasklist>`)));
    expect(Object.keys(t.unknown?.attrs ?? {})).toEqual(['__proto__']);
    expect(serializeItem(t)).toContain('__proto__="p"');
  });
});

describe('parseItem: malformed and hostile items are skipped with a reason, never thrown', () => {
  const cases: [string, Element, RegExp][] = [
    ['no id', itemEl(`<tasklist ${LIST}><name>n</name></tasklist>`, null), /without id/],
    ['empty id', itemEl(`<tasklist ${LIST}><name>n</name></tasklist>`, ''), /without id/],
    ['no payload', itemEl(''), /found 0/],
    ['two payloads', itemEl(`<tasklist ${LIST}><name>a</name></tasklist><tasklist ${LIST}><name>b</name></tasklist>`), /found 2/],
    ['tasklist in the task namespace', itemEl(`<tasklist ${TASK}><name>n</name></tasklist>`), /unknown payload/],
    ['task without namespace', itemEl(`<task xmlns="" list="L" order="1"><name>n</name></task>`), /unknown payload/],
    ['a note (other node type)', itemEl(`<note xmlns="${NS.note}">x</note>`), /unknown payload/],
    ['no name', itemEl(`<task ${TASK} list="L" order="1"><description>d</description></task>`), /no <name>/],
    ['name with markup inside', itemEl(`<tasklist ${LIST}><name>a<b>bold</b></name></tasklist>`), /not plain text/],
    ['description with markup', itemEl(`<task ${TASK} list="L"><name>n</name><description><p/></description></task>`), /not plain text/],
    ['task without list', itemEl(`<task ${TASK} order="1"><name>n</name></task>`), /without list/],
    ['task with empty list', itemEl(`<task ${TASK} list="" order="1"><name>n</name></task>`), /without list/],
    ['fractional order', itemEl(`<task ${TASK} list="L" order="1.5"><name>n</name></task>`), /invalid order/],
    ['text order', itemEl(`<task ${TASK} list="L" order="first"><name>n</name></task>`), /invalid order/],
    ['absurd order', itemEl(`<task ${TASK} list="L" order="99999999999999999999"><name>n</name></task>`), /invalid order/],
    ['exponent order', itemEl(`<task ${TASK} list="L" order="1e3"><name>n</name></task>`), /invalid order/],
    ['not an item', parseXml(`<retract id="x"/>`), /not an item/],
  ];
  test.each(cases)('%s', (_, el, reason) => {
    const r = parseItem(el);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  test('the id is reported when known, so the UI can name what was skipped', () => {
    expect(parseItem(itemEl(`<task ${TASK} order="1"><name>n</name></task>`, 'T9'))).toMatchObject({ ok: false, id: 'T9' });
  });

  test('reasons quoting untrusted names are short', () => {
    const r = parseItem(itemEl(`<${'z'.repeat(5000)} xmlns="urn:${'y'.repeat(5000)}"/>`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeLessThan(250);
  });
});

describe('serializeItem: the official client bytes', () => {
  test('a task list', () => {
    const item: Item = { kind: 'tasklist', id: 'L', name: 'Stream prep' };
    expect(serializeItem(item)).toBe(officialTaskListPayload('Stream prep'));
    expect(serializeItem(item)).toBe(`<tasklist xmlns="${NS.tasklist}"><name>Stream prep</name></tasklist>`);
  });

  test('a done task with a description', () => {
    const item: Item = {
      kind: 'task',
      id: 'T',
      list: 'L1',
      name: 'Check sound',
      description: 'Ask chat',
      order: 3,
      done: true,
    };
    expect(serializeItem(item)).toBe(
      officialTaskPayload({ name: 'Check sound', description: 'Ask chat', done: true, list: 'L1', order: 3 }),
    );
    expect(serializeItem(item)).toBe(
      `<task done="true" list="L1" order="3" xmlns="${NS.task}"><name>Check sound</name><description>Ask chat</description></task>`,
    );
  });

  test('a task not done has no done attribute (never done="false")', () => {
    const item: Item = { kind: 'task', id: 'T', list: 'L', name: 'n', order: 0, done: false };
    expect(serializeItem(item)).toBe(officialTaskPayload({ name: 'n', list: 'L', order: 0 }));
    expect(serializeItem(item)).not.toContain('done');
  });

  test('an empty description is sent as the official client sends it', () => {
    const item: Item = { kind: 'task', id: 'T', list: 'L', name: 'n', description: '', order: 1, done: false };
    expect(serializeItem(item)).toBe(officialTaskPayload({ name: 'n', description: '', list: 'L', order: 1 }));
  });

  test('hostile text escaped exactly as strophe escapes it', () => {
    const name = `</name><script>alert('x')</script> & "q"`;
    const list = `a"b<c>&'d`;
    const item: Item = { kind: 'task', id: 'T', list, name, description: '<b>', order: 12, done: true };
    expect(serializeItem(item)).toBe(officialTaskPayload({ name, description: '<b>', done: true, list, order: 12 }));
    const back = ok(parseItem(itemEl(serializeItem(item), 'T')));
    expect(back).toEqual(item);
  });

  test('RTL and emoji names match the official bytes', () => {
    const name = 'مهمة 👩‍💻';
    const item: Item = { kind: 'tasklist', id: 'L', name };
    expect(serializeItem(item)).toBe(officialTaskListPayload(name));
  });

  test('unknown attributes are sorted in with the known ones, unknown children follow the fields', () => {
    const item: Item = {
      kind: 'task',
      id: 'T',
      list: 'L',
      name: 'n',
      order: 1,
      done: false,
      unknown: { attrs: { zeta: '1', alpha: '2' }, children: ['<due>x</due>'] },
    };
    expect(serializeItem(item)).toBe(`<task alpha="2" list="L" order="1" xmlns="${NS.task}" zeta="1"><name>n</name><due>x</due></task>`);
  });

  test('unknown attributes cannot override or break out of the element', () => {
    const item: Item = {
      kind: 'task',
      id: 'T',
      list: 'L',
      name: 'n',
      order: 1,
      done: false,
      unknown: { attrs: { xmlns: 'urn:evil', 'a="1"><x': 'y', done: 'true', ok: 'v' }, children: [] },
    };
    const s = serializeItem(item);
    expect(s).toBe(`<task list="L" ok="v" order="1" xmlns="${NS.task}"><name>n</name></task>`);
  });
});

describe('round trip keeps what we do not understand', () => {
  test.each([
    `<task ${TASK} xmlns:f="urn:f" list="L" order="2" priority="high" f:color="red"><name>n</name><description>d</description><due>2026</due><x xmlns="urn:other" k="v"><y>t</y></x><f:tag>t</f:tag></task>`,
    `<tasklist ${LIST} color="blue"><name>Big &amp; &lt;small&gt;</name><icon xmlns="urn:icons">★</icon></tasklist>`,
    `<task ${TASK} list="L" order="5" done="true"><name>a\nb</name></task>`,
  ])('parse → serialize → parse gives the same item (%#)', (payload) => {
    const first = ok(parseItem(itemEl(payload, 'I')));
    const second = ok(parseItem(itemEl(serializeItem(first), 'I')));
    expect(second).toEqual(first);
  });

  test('republishing an edited task keeps its unknown data', () => {
    const first = ok(parseItem(itemEl(`<task ${TASK} list="L" order="2" prio="1"><name>old</name><due>2026</due></task>`, 'I')));
    const edited = { ...first, name: 'new' } as Item;
    const s = serializeItem(edited);
    expect(s).toBe(`<task list="L" order="2" prio="1" xmlns="${NS.task}"><name>new</name><due>2026</due></task>`);
  });
});
