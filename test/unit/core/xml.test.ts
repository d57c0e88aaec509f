import { describe, expect, test } from 'vitest';
import { childElements, escapeAttr, escapeText, firstChild, serializeElement, text } from '../../../src/core/xml';
import { parseXml } from './helpers';

/** What a receiving parser reads back from our escaping: the real test of an escaper. */
const roundTripText = (s: string) => text(parseXml(`<a>${escapeText(s)}</a>`));
const roundTripAttr = (s: string) => parseXml(`<a v="${escapeAttr(s)}"/>`).getAttribute('v');

describe('escaping', () => {
  test('markup in text and attributes stays text', () => {
    const hostile = `<script>alert("x")</script> & <b a='1'>`;
    expect(escapeText(hostile)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b a=&apos;1&apos;&gt;');
    expect(roundTripText(hostile)).toBe(hostile);
    expect(roundTripAttr(hostile)).toBe(hostile);
  });

  test('already escaped entities are escaped again, not decoded', () => {
    expect(roundTripText('&amp; &lt; &#60;')).toBe('&amp; &lt; &#60;');
  });

  test('line breaks and tabs survive in attributes and CR in text', () => {
    expect(roundTripAttr('a\nb\tc\r\nd')).toBe('a\nb\tc\r\nd');
    expect(roundTripText('a\r\nb\rc\n')).toBe('a\r\nb\rc\n');
  });

  test('RTL, emoji and other non-ASCII text pass unchanged', () => {
    const s = 'مرحبا \u202Eevil\u202C 👩‍💻 é';
    expect(escapeText(s)).toBe(s);
    expect(roundTripAttr(s)).toBe(s);
  });

  test('characters XML cannot carry become U+FFFD instead of breaking the stream', () => {
    expect(escapeText('a\u0000b\u0007c\uFFFF')).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect(escapeAttr('x\uD800y')).toBe('x\uFFFDy'); // lone surrogate
    expect(escapeText('\uD83D\uDE00')).toBe('\uD83D\uDE00'); // a valid pair stays
    expect(roundTripText('ok\u0001')).toBe('ok\uFFFD');
  });
});

describe('navigation', () => {
  const el = parseXml('<r xmlns="urn:a"><!-- c -->t<x/>u<y xmlns="urn:b"/><x xmlns="urn:c" n="2"/></r>');

  test('childElements skips text and comments', () => {
    expect(childElements(el).map((c) => c.localName)).toEqual(['x', 'y', 'x']);
  });

  test('firstChild by local name, optionally by namespace', () => {
    expect(firstChild(el, 'x')?.namespaceURI).toBe('urn:a');
    expect(firstChild(el, 'x', 'urn:c')?.getAttribute('n')).toBe('2');
    expect(firstChild(el, 'y', 'urn:a')).toBeUndefined();
    expect(firstChild(el, 'missing')).toBeUndefined();
  });

  test('text joins all descendant text and CDATA', () => {
    expect(text(parseXml('<a>one <b>two <![CDATA[<three>]]></b> four</a>'))).toBe('one two <three> four');
    expect(text(parseXml('<a/>'))).toBe('');
  });

  test('text of a very deep tree does not overflow the stack', () => {
    const depth = 5000;
    const xml = `${'<a>'.repeat(depth)}deep${'</a>'.repeat(depth)}`;
    expect(text(parseXml(xml))).toBe('deep');
  });
});

describe('serializeElement', () => {
  test('declares the namespace of a standalone element', () => {
    const el = firstChild(parseXml('<r xmlns="urn:a"><x k="v">t</x></r>'), 'x')!;
    expect(serializeElement(el)).toBe('<x xmlns="urn:a" k="v">t</x>');
  });

  test('omits the namespace it inherits where it will be inserted', () => {
    const el = firstChild(parseXml('<r xmlns="urn:a"><x><y/></x></r>'), 'x')!;
    expect(serializeElement(el, 'urn:a')).toBe('<x><y/></x>');
  });

  test('an element in no namespace inside a default namespace gets xmlns=""', () => {
    const el = firstChild(parseXml('<r xmlns="urn:a"><x xmlns=""/></r>'), 'x')!;
    expect(serializeElement(el, 'urn:a')).toBe('<x xmlns=""/>');
    const bare = firstChild(parseXml('<r><x/></r>'), 'x')!;
    expect(serializeElement(bare, 'urn:a')).toBe('<x xmlns=""/>');
    expect(serializeElement(bare)).toBe('<x/>');
  });

  test('prefixes declared on an ancestor are carried along', () => {
    const r = parseXml('<r xmlns="urn:a" xmlns:p="urn:p" xmlns:q="urn:q"><p:x q:k="1"><p:y/></p:x></r>');
    const s = serializeElement(firstChild(r, 'x')!, 'urn:a');
    expect(s).toBe('<p:x xmlns:p="urn:p" xmlns:q="urn:q" q:k="1"><p:y/></p:x>');
    // and it means the same thing when parsed again inside another parent
    const again = firstChild(parseXml(`<o xmlns="urn:a">${s}</o>`), 'x')!;
    expect(again.namespaceURI).toBe('urn:p');
    expect(again.getAttributeNS('urn:q', 'k')).toBe('1');
  });

  test('escapes text and attribute values, drops comments, turns CDATA into text', () => {
    const el = parseXml('<x a="&lt;&quot;&#10;">&amp;<!-- gone --><![CDATA[<b>]]></x>');
    expect(serializeElement(el)).toBe('<x a="&lt;&quot;&#10;">&amp;&lt;b&gt;</x>');
  });

  test('round-trips a mixed tree', () => {
    const xml = '<x xmlns="urn:x" a="1"><y xmlns="urn:y">t <z/> u</y><w>v</w></x>';
    expect(serializeElement(parseXml(xml))).toBe(xml);
  });
});
