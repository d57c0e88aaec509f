import { describe, expect, test } from 'vitest';
import { parseNoteItem, serializeNote, type ParsedNote } from '../../../src/core/notes/codec';
import type { Note } from '../../../src/core/notes/types';
import { NS } from '../../../src/core/types';
import { itemEl, parseXml } from './helpers';
import { officialNotePayload, officialReadNote, type OfficialNoteData } from './notes-official';

const N = `xmlns="${NS.note}"`;
const OCC = 'ga4mR2IKEvRKuzN1gJYVafCTbY1gNvgNvNReqdVKexI=';
const occ = (id: string) => `<occupant-id id="${id}" xmlns="${NS.occupantId}"/>`;

const ok = (r: ParsedNote): Note => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r.note;
};
const parse = (payload: string, id: string | null = 'n1') => parseNoteItem(itemEl(payload, id));
/** Parse then republish unchanged. */
const roundTrip = (payload: string) => serializeNote(ok(parse(payload)));
/** What the official client would publish for a note it read from `payload` (an edit keeping everything). */
const officialRepublish = (payload: string) => officialNotePayload(officialReadNote(parseXml(payload)));

describe('notes codec: the docs/protocol.md §9.1 item', () => {
  const example = `<note ${N} order="4"><description>Posted the same link three times</description><note-about jid="k3jx9w@anon.example.org" nick="Mickey"><occupant-id xmlns="${NS.occupantId}" id="${OCC}"/></note-about></note>`;

  test('reads order, description and the participant', () => {
    expect(ok(parse(example, 'ID'))).toEqual({
      id: 'ID',
      order: 4,
      description: 'Posted the same link three times',
      about: { jid: 'k3jx9w@anon.example.org', nick: 'Mickey', occupantId: OCC },
    });
  });

  test('republishes it with the official client bytes', () => {
    expect(roundTrip(example)).toBe(officialRepublish(example));
    expect(roundTrip(example)).toBe(
      `<note order="4" xmlns="${NS.note}"><description>Posted the same link three times</description><note-about jid="k3jx9w@anon.example.org" nick="Mickey">${occ(OCC)}</note-about></note>`,
    );
  });

  test('a notified item (with publisher) reads the same', () => {
    const el = parseXml(`<item xmlns="${NS.pubsubEvent}" id="x" publisher="alice@localhost">${example}</item>`);
    expect(ok(parseNoteItem(el))).toMatchObject({ id: 'x', order: 4 });
  });
});

describe('notes codec: every form of note-about, byte for byte with the official client', () => {
  const about = { about_jid: 'mickey@localhost', about_nick: 'Mickey', about_occupant_id: OCC };
  // The official create form: each of jid, nick, occupant-id present or not (an unknown one is undefined).
  const forms: [string, OfficialNoteData][] = [];
  for (const jid of [true, false]) {
    for (const nick of [true, false]) {
      for (const occupant of [true, false]) {
        const data: OfficialNoteData = { description: 'd', order: 3 };
        if (jid) data.about_jid = about.about_jid;
        if (nick) data.about_nick = about.about_nick;
        if (occupant) data.about_occupant_id = about.about_occupant_id;
        forms.push([`jid ${jid ? 'yes' : 'no'}, nick ${nick ? 'yes' : 'no'}, occupant-id ${occupant ? 'yes' : 'no'}`, data]);
      }
    }
  }

  test.each(forms)('%s', (_, data) => {
    const official = officialNotePayload(data);
    const note: Note = { id: 'n1', order: 3, description: 'd' };
    const a = { jid: data.about_jid ?? undefined, nick: data.about_nick ?? undefined, occupantId: data.about_occupant_id ?? undefined };
    const known = Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined));
    if (Object.keys(known).length) note.about = known;
    // we write what the official client writes…
    expect(serializeNote(note)).toBe(official);
    // …read back what it wrote, as it reads it…
    expect(ok(parse(official))).toEqual(note);
    // …and republish it unchanged.
    expect(roundTrip(official)).toBe(official);
  });

  test('with nothing known there is no note-about at all', () => {
    expect(serializeNote({ id: 'n', order: 1, description: 'd', about: {} })).toBe(
      `<note order="1" ${N}><description>d</description></note>`,
    );
    expect(officialNotePayload({ description: 'd', order: 1 })).toBe(`<note order="1" ${N}><description>d</description></note>`);
  });

  test('the note-about is in the note namespace, its occupant-id in XEP-0421 namespace', () => {
    const el = parseXml(serializeNote({ id: 'n', order: 1, description: 'd', about: { nick: 'M', occupantId: OCC } }));
    const aboutEl = el.getElementsByTagName('note-about')[0]!;
    expect(aboutEl.namespaceURI).toBe(NS.note);
    expect(aboutEl.getElementsByTagName('occupant-id')[0]!.namespaceURI).toBe(NS.occupantId);
  });
});

describe('notes codec: text, escaped and kept as strophe writes it', () => {
  test.each([
    ['markup and script', '<img src=x onerror=alert(1)> & "quotes" \'single\''],
    ['line breaks, tabs and a CR', 'line 1\nline 2\r\n\tindented'],
    ['RTL and emoji', 'ملاحظة \u202Bمهمة\u202C 🎉👩‍👩‍👧'],
    ['a 200,000-character text', 'x'.repeat(200_000)],
  ])('%s', (_, text) => {
    const official = officialNotePayload({ description: text, order: 1, about_nick: text });
    const note: Note = { id: 'n1', order: 1, description: text, about: { nick: text } };
    // strophe writes a CR as is (the parser then reads LF); we send &#13; so that it survives
    if (!text.includes('\r')) expect(serializeNote(note)).toBe(official);
    expect(ok(parse(serializeNote(note)))).toEqual(note);
  });

  test('an empty description is written as the official client writes it', () => {
    expect(serializeNote({ id: 'n', order: 1, description: '' })).toBe(officialNotePayload({ description: '', order: 1 }));
  });

  test('characters XML cannot carry become U+FFFD instead of breaking the stream', () => {
    const xml = serializeNote({ id: 'n', order: 1, description: 'a\u0000b\uFFFEc', about: { nick: '\u0001' } });
    expect(ok(parse(xml))).toMatchObject({ description: 'a\uFFFDb\uFFFDc', about: { nick: '\uFFFD' } });
  });
});

describe('notes codec: order', () => {
  test.each([
    ['4', 4],
    ['0', 0],
    ['-3', -3],
    [' 7', 7],
    ['+2', 2],
    ['4abc', 4], // parseInt, as the official client
    ['3.9', 3],
    ['1e3', 1],
    ['0x10', 16],
    ['99999999999999999999', 100000000000000000000],
    ['NaN', null],
    ['', null],
    ['abc', null],
    ['9'.repeat(400), null], // beyond any float: JSON could not carry it
  ])('order="%s" reads as %s, as the official client reads it', (raw, order) => {
    const payload = `<note order="${raw}" ${N}><description>d</description></note>`;
    expect(ok(parse(payload)).order).toBe(order);
    const official = officialReadNote(parseXml(payload)).order!;
    if (order === null) expect(official === Infinity || Number.isNaN(official)).toBe(true);
    else expect(official).toBe(order);
  });

  test('a missing order reads as not a number', () => {
    expect(ok(parse(`<note ${N}><description>d</description></note>`)).order).toBeNull();
  });

  test('a note without a number is written back as the official client writes it: order="NaN"', () => {
    expect(serializeNote({ id: 'n', order: null, description: 'd' })).toBe(officialNotePayload({ description: 'd', order: NaN }));
  });

  test('an odd order is kept byte for byte while unchanged, written plainly once changed', () => {
    for (const raw of ['4abc', ' 7', 'abc', '+2']) {
      const payload = `<note order="${raw}" ${N}><description>d</description></note>`;
      expect(roundTrip(payload)).toBe(payload);
      const note = ok(parse(payload));
      expect(serializeNote({ ...note, order: 12 })).toBe(`<note order="12" ${N}><description>d</description></note>`);
    }
    const missing = `<note ${N}><description>d</description></note>`;
    expect(roundTrip(missing)).toBe(missing);
    expect(serializeNote({ ...ok(parse(missing)), order: 2 })).toBe(`<note order="2" ${N}><description>d</description></note>`);
  });
});

describe('notes codec: bad input is read safely and kept', () => {
  test('no description: read as none, republished without one (as the official client does)', () => {
    const payload = `<note order="2" ${N}><note-about nick="M"/></note>`;
    const note = ok(parse(payload));
    expect(note).not.toHaveProperty('description');
    expect(roundTrip(payload)).toBe(payload);
    expect(roundTrip(payload)).toBe(officialRepublish(payload));
  });

  test('an empty note: no children at all', () => {
    const payload = `<note order="1" ${N}/>`;
    expect(ok(parse(payload))).toEqual({ id: 'n1', order: 1 });
    expect(roundTrip(payload)).toBe(payload);
  });

  test.each([
    ['as the official client writes it', '<description>fine &amp; calm</description>', 'same', false],
    ['a CDATA section', '<description><![CDATA[a < b]]></description>', '<description>a &lt; b</description>', false],
    ['a comment inside', '<description>a<!-- c -->b</description>', '<description>ab</description>', false],
    ['an attribute', '<description lang="en">hi</description>', 'same', true],
    ['its namespace said again', `<description ${N}>hi</description>`, 'same', true],
    ['nothing inside', '<description/>', 'same', true],
  ])('a description with %s is written back as read (a copy kept only where the plain form differs)', (_, description, written, keeps) => {
    const payload = `<note order="1" ${N}>${description}</note>`;
    expect(roundTrip(payload)).toBe(`<note order="1" ${N}>${written === 'same' ? description : written}</note>`);
    expect(!!ok(parse(payload)).kept?.description).toBe(keeps);
  });

  test('a description with markup reads as its text and is kept byte for byte until edited', () => {
    const payload = `<note order="1" ${N}><description>a<b>bold</b><![CDATA[<c>]]></description></note>`;
    const note = ok(parse(payload));
    expect(note.description).toBe('abold<c>');
    expect(officialReadNote(parseXml(payload)).description).toBe('abold<c>');
    const kept = `<note order="1" ${N}><description>a<b>bold</b>&lt;c&gt;</description></note>`;
    expect(roundTrip(payload)).toBe(kept);
    expect(serializeNote({ ...note, description: 'plain' })).toBe(`<note order="1" ${N}><description>plain</description></note>`);
  });

  test('a description in another namespace is still the description (the official client reads tag names)', () => {
    const payload = `<note order="1" ${N}><description xmlns="urn:x">d</description></note>`;
    expect(ok(parse(payload)).description).toBe('d');
    expect(roundTrip(payload)).toBe(payload);
  });

  test('a prefixed description is not the description: kept as an unknown child', () => {
    const payload = `<note order="1" ${N}><x:description xmlns:x="urn:x">no</x:description></note>`;
    const note = ok(parse(payload));
    expect(note).not.toHaveProperty('description');
    expect(note.unknown?.children).toEqual(['<x:description xmlns:x="urn:x">no</x:description>']);
    expect(roundTrip(payload)).toBe(payload);
  });

  test('a repeated description: the last one wins and only it is written back, as the official client', () => {
    const payload = `<note order="1" ${N}><description>first</description><description>last</description></note>`;
    expect(ok(parse(payload)).description).toBe('last');
    expect(roundTrip(payload)).toBe(officialRepublish(payload));
  });

  test('a note-about with blank values, extra attributes and children is kept byte for byte', () => {
    const payload = `<note order="1" ${N}><description>d</description><note-about jid="" nick="M" x="1"><occupant-id xmlns="${NS.occupantId}" id=""/><extra/></note-about></note>`;
    const note = ok(parse(payload));
    // (namespace declarations first: the order our serializer keeps foreign elements in)
    expect(note.about).toEqual({ nick: 'M' });
    expect(roundTrip(payload)).toBe(payload);
  });

  test('an empty <note-about/> is about no one, and is written back', () => {
    const payload = `<note order="1" ${N}><description>d</description><note-about/></note>`;
    expect(ok(parse(payload))).not.toHaveProperty('about');
    expect(roundTrip(payload)).toBe(payload);
    expect(roundTrip(payload)).toBe(officialRepublish(payload));
  });

  test('a second note-about is ignored (the first counts) but kept', () => {
    const payload = `<note order="1" ${N}><note-about nick="first"/><note-about nick="second"/></note>`;
    expect(ok(parse(payload)).about).toEqual({ nick: 'first' });
    expect(roundTrip(payload)).toBe(payload);
  });

  test('unknown attributes and children are kept, namespaces included', () => {
    const payload = `<note color="red" order="1" ${N} xmlns:f="urn:f" f:flag="1"><description>d</description><due>2026-01-01</due><f:tag>t</f:tag><x xmlns="urn:other"><y/></x></note>`;
    const note = ok(parse(payload));
    expect(note.unknown).toEqual({
      attrs: { color: 'red', 'xmlns:f': 'urn:f', 'f:flag': '1' },
      children: ['<due>2026-01-01</due>', '<f:tag xmlns:f="urn:f">t</f:tag>', '<x xmlns="urn:other"><y/></x>'],
    });
    // attributes come back sorted by name, as strophe writes them
    expect(serializeNote(note)).toBe(
      `<note color="red" f:flag="1" order="1" ${N} xmlns:f="urn:f"><description>d</description><due>2026-01-01</due><f:tag xmlns:f="urn:f">t</f:tag><x xmlns="urn:other"><y/></x></note>`,
    );
  });

  test('an edit keeps the unknown data and the participant', () => {
    const payload = `<note order="5" ${N} z="1"><description>old</description><note-about nick="M" q="2"/><extra/></note>`;
    const note = ok(parse(payload));
    expect(serializeNote({ ...note, description: 'new' })).toBe(
      `<note order="5" ${N} z="1"><description>new</description><note-about nick="M" q="2"/><extra/></note>`,
    );
  });

  test('an attribute named __proto__ stays an ordinary attribute', () => {
    const note = ok(parse(`<note __proto__="p" order="1" ${N}/>`));
    expect(Object.keys(note.unknown?.attrs ?? {})).toEqual(['__proto__']);
    expect(serializeNote(note)).toContain('__proto__="p"');
  });

  const skipped: [string, Element, RegExp][] = [
    ['no id', itemEl(`<note ${N}/>`, null), /without id/],
    ['no payload', itemEl(''), /found 0/],
    ['two payloads', itemEl(`<note ${N}/><note ${N}/>`), /found 2/],
    ['a task', itemEl(`<task xmlns="${NS.task}" list="L" order="1"><name>n</name></task>`), /unknown payload/],
    ['a note in no namespace', itemEl(`<note xmlns="" order="1"/>`), /unknown payload/],
    ['a prefixed note', itemEl(`<n:note xmlns:n="${NS.note}" order="1"/>`), /unknown payload/],
    ['not an item', parseXml(`<retract xmlns="${NS.pubsubEvent}" id="x"/>`), /not an item/],
  ];
  test.each(skipped)('skipped with a reason: %s', (_, el, reason) => {
    const r = parseNoteItem(el);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  test('deeply nested hostile children do not throw', () => {
    const deep = '<a>'.repeat(10_000) + '</a>'.repeat(10_000);
    const r = parse(`<note order="1" ${N}><description>d</description>${deep}</note>`);
    // read whole, or skipped with its id: either way the rest of the list is read
    if (r.ok) expect(r.note.description).toBe('d');
    else expect(r).toMatchObject({ id: 'n1', reason: expect.stringMatching(/unreadable/) });
  }, 30_000);

  test('what we write is JSON-safe (the cache stores notes as JSON)', () => {
    const note = ok(parse(`<note order="abc" ${N}><description>a<b/></description><note-about jid="" nick="M"/></note>`));
    expect(JSON.parse(JSON.stringify(note))).toEqual(note);
  });
});
