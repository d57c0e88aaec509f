// The worker's XML reader (xml-reader.ts into lite-dom.ts): what it builds,
// what it refuses (as strictly as a browser's DOMParser), and that the codec
// reads the same items from it as from a general-purpose DOM (xmldom), for
// the hostile-input run's 10,000 items.
import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import { describe, expect, test } from 'vitest';
import { type LiteElement, liteImplementation } from '../../../src/background/xmpp/lite-dom';
import { LiteSerializer } from '../../../src/background/xmpp/lite-serializer';
import { readXml, XmlSyntaxError } from '../../../src/background/xmpp/xml-reader';
import { parseItem } from '../../../src/core/codec';
import { parseItemsResult } from '../../../src/core/stanzas';
import { NS, TASKS_NODE } from '../../../src/core/types';
import { childElements, text } from '../../../src/core/xml';
import { hostileItems } from '../../e2e/hostile-items';

const root = (xml: string) => readXml(xml).documentElement!;
const refused = (xml: string) => expect(() => readXml(xml), xml).toThrow(XmlSyntaxError);

describe('what the reader builds', () => {
  test('elements, attributes and text, with their namespaces as declared and inherited', () => {
    const iq = root(
      `<iq xmlns="jabber:client" type="result" id='a1'><p:x xmlns:p="urn:p" p:flag="1" plain="2"><y/></p:x><z xmlns="">t</z></iq>`,
    );
    expect([iq.nodeName, iq.localName, iq.prefix, iq.namespaceURI]).toEqual(['iq', 'iq', null, 'jabber:client']);
    expect(iq.getAttribute('id')).toBe('a1');
    expect(iq.getAttribute('missing')).toBeNull();
    const [x, z] = childElements(iq as unknown as Element) as unknown as LiteElement[];
    expect([x!.nodeName, x!.localName, x!.prefix, x!.namespaceURI]).toEqual(['p:x', 'x', 'p', 'urn:p']);
    const flag = x!.attributes.getNamedItem('p:flag')!;
    expect([flag.localName, flag.prefix, flag.namespaceURI, flag.value]).toEqual(['flag', 'p', 'urn:p', '1']);
    expect(x!.attributes.getNamedItem('plain')!.namespaceURI).toBeNull();
    expect(x!.attributes.getNamedItem('xmlns:p')!.namespaceURI).toBe('http://www.w3.org/2000/xmlns/');
    // an unprefixed child of a prefixed element is in the default namespace
    expect(x!.firstElementChild!.namespaceURI).toBe('jabber:client');
    expect(z!.namespaceURI).toBeNull();
    expect(z!.textContent).toBe('t');
    expect(iq.parentNode?.nodeType).toBe(9);
    expect(iq.firstElementChild).toBe(x);
    expect(x!.parentNode).toBe(iq);
  });

  test('an element as read keeps its attributes as read until one changes: the same values, namespaces and serialization either way', () => {
    const el = root(`<a xmlns="urn:a" x='1' y="&amp;2"/>`);
    const attrs = () => el.attributes.map((a) => [a.name, a.value, a.namespaceURI]);
    expect(el.hasAttribute('y')).toBe(true);
    expect(el.getAttributeNS(null, 'x')).toBe('1');
    expect(attrs()).toEqual([
      ['xmlns', 'urn:a', 'http://www.w3.org/2000/xmlns/'],
      ['x', '1', null],
      ['y', '&2', null],
    ]);
    expect(el.attributes.getNamedItem('y')!.value).toBe('&2');
    const copy = el.cloneNode(true);
    el.setAttribute('x', '3');
    el.removeAttribute('y');
    el.setAttribute('z', '4');
    expect(attrs()).toEqual([
      ['xmlns', 'urn:a', 'http://www.w3.org/2000/xmlns/'],
      ['x', '3', null],
      ['z', '4', null],
    ]);
    expect(el.getAttribute('y')).toBeNull();
    expect(new LiteSerializer().serializeToString(el)).toBe('<a xmlns="urn:a" x="3" z="4"/>');
    expect([copy.getAttribute('x'), copy.getAttribute('y')]).toEqual(['1', '&2']);
  });

  test('references and CDATA become text; comments and processing instructions are skipped', () => {
    const el = root(
      `<?xml version="1.0"?><!-- c --><a>&lt;b&gt; &amp; &quot;&apos; &#233;&#x1F600;<![CDATA[<i>&amp;</i>]]><?pi x?><!-- c --></a>`,
    );
    expect(text(el as unknown as Element)).toBe(`<b> & "' é😀<i>&amp;</i>`);
    expect(el.childNodes.every((n) => n.nodeType === 3)).toBe(true);
  });

  test('line ends and attribute values are normalized as XML says: CR LF is LF; a tab or newline in a value is a space, a reference to one is kept', () => {
    const el = root(`<a v="x\ty\nz" r="x&#9;y&#10;z">1\r\n2\r3</a>`);
    expect(el.getAttribute('v')).toBe('x y z');
    expect(el.getAttribute('r')).toBe('x\ty\nz');
    expect(el.textContent).toBe('1\n2\n3');
  });

  test('white space between elements is kept as text, as a DOMParser keeps it', () => {
    const el = root('<a>\n  <b/>\n</a>');
    expect(el.childNodes.map((n) => n.nodeType)).toEqual([3, 1, 3]);
  });

  test('a nesting 100,000 deep is read, and its text found, without overflowing the stack', () => {
    const depth = 100_000;
    const el = root(`${'<d>'.repeat(depth)}deep${'</d>'.repeat(depth)}`);
    expect(el.textContent).toBe('deep');
    expect(el.getElementsByTagName('d')).toHaveLength(depth - 1);
    expect(new LiteSerializer().serializeToString(el)).toHaveLength(depth * 7 + 4);
  });
});

describe('what it refuses, as a browser would', () => {
  test.each([
    ['a mismatched end tag', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['an end tag with no start', '<a/></b>'],
    ['two root elements', '<a/><b/>'],
    ['text outside the root', 'x<a/>'],
    ['no root', '   '],
    ['an unknown entity (HTML entities are not XML)', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>fish & chips</a>'],
    ['a reference to no XML character', '<a>&#0;</a>'],
    ['a reference to a surrogate', '<a>&#xD800;</a>'],
    ['a control character', '<a>\u0001</a>'],
    ['a DOCTYPE (and so any entity it would declare)', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['an attribute twice', '<a x="1" x="2"/>'],
    ['one expanded attribute name twice', '<a xmlns:p="urn:x" xmlns:q="urn:x" p:v="1" q:v="2"/>'],
    ["'<' in an attribute value", '<a x="<"/>'],
    ['an unquoted attribute value', '<a x=1/>'],
    ['attributes with no space between them', '<a x="1"y="2"/>'],
    ['an undeclared prefix', '<p:a/>'],
    ['an undeclared attribute prefix', '<a p:x="1"/>'],
    ['a prefix undeclared with an empty namespace', '<a xmlns:p=""/>'],
    ['the xml prefix bound elsewhere', '<a xmlns:xml="urn:x"/>'],
    ['a name that is not one', '<1a/>'],
    ['an attribute name that is not one', '<a 1x="1"/>'],
    ['an attribute twice, quoted both ways', `<a x="1" x='2'/>`],
    ['an attribute value with a tab and a bare ampersand', '<a x="\t&"/>'],
    ["']]>' in text", '<a>]]></a>'],
    ['an unclosed comment', '<a><!-- </a>'],
    ['an unclosed CDATA section', '<a><![CDATA[ </a>'],
    ['a truncated start tag', '<a x="1"'],
  ])('%s', (_, xml) => refused(xml));

  test('the DOMParser the shim installs gives a <parsererror> document instead of throwing, as browsers do', async () => {
    const { installDomShim } = await import('../../../src/background/xmpp/dom-shim');
    installDomShim();
    const doc = new DOMParser().parseFromString('<iq><a></iq>', 'text/xml');
    expect(doc.documentElement.nodeName).toBe('parsererror');
    expect(doc.documentElement.textContent).toContain('closes <a>');
  });
});

describe('what strophe builds with it', () => {
  test('a document from the implementation: elements, attributes, text, serialized with escapes', () => {
    const doc = liteImplementation.createDocument('jabber:client', 'strophe', null);
    const iq = doc.createElement('iq');
    iq.setAttribute('type', 'set');
    iq.setAttribute('to', 'a"b<c');
    const child = iq.appendChild(doc.createElement('query'));
    child.setAttribute('xmlns', 'urn:q');
    child.appendChild(doc.createTextNode('x < y & z'));
    iq.setAttribute('type', 'get');
    expect(iq.getAttribute('type')).toBe('get');
    expect(iq.namespaceURI).toBeNull();
    expect(new LiteSerializer().serializeToString(iq)).toBe(
      '<iq type="get" to="a&#34;b&#60;c"><query xmlns="urn:q">x &#60; y &#38; z</query></iq>',
    );
    iq.removeChild(child);
    expect(iq.childNodes).toHaveLength(0);
    expect(child.parentNode).toBeNull();
  });
});

describe('the codec reads the same from it as from a general-purpose DOM', () => {
  const xmldom = (xml: string) =>
    new XmlDomParser({ locator: false }).parseFromString(xml, 'text/xml').documentElement as unknown as Element;
  // xmldom 0.9 lacks the standard Element.getAttributeNames, which browsers, happy-dom and ours have
  const xmldomElement = Object.getPrototypeOf(xmldom('<a/>')) as { getAttributeNames?: () => string[] };
  xmldomElement.getAttributeNames ??= function (this: Element) {
    return Array.from(this.attributes, (a) => a.name);
  };

  test("the hostile-input run's 10,000 items: each read (or skipped, for the same reason) alike, unknown children byte for byte", () => {
    const items: string[] = [];
    let n = 0;
    for (const { id, payload } of hostileItems()) items.push(`<item id="${id ?? `generated-${n++}`}">${payload}</item>`);
    // and readable items carrying what another client may add: kept byte for byte when republished
    items.push(
      `<item id="extra-1" xmlns:e="urn:e"><task xmlns="${NS.task}" list="l" order="1" e:flag="1" foreign="x"><name>n</name>` +
        `<e:extra a="1"><![CDATA[<b>&]]><!-- c --><deep xmlns="urn:d"><x y="&#10;"/></deep></e:extra><other xmlns="urn:o">t&amp;</other></task></item>`,
      `<item id="extra-2"><tasklist xmlns="${NS.tasklist}"><name>l</name><name xmlns="urn:not-ours">same local name</name></tasklist></item>`,
    );
    const frame = `<iq xmlns="jabber:client" type="result" id="f"><pubsub xmlns="${NS.pubsub}"><items node="${TASKS_NODE}">${items.join('')}</items></pubsub></iq>`;
    const read = (iq: Element) => {
      const result = parseItemsResult(iq);
      if ('error' in result) throw new Error(result.error.condition);
      return result.items.map((el) => parseItem(el));
    };
    const ours = read(root(frame) as unknown as Element);
    const theirs = read(xmldom(frame));
    expect(ours.length).toBeGreaterThanOrEqual(10_000);
    expect(ours.filter((p) => p.ok).length).toBeGreaterThan(0);
    expect(ours.filter((p) => !p.ok).length).toBeGreaterThan(0);
    expect(ours.some((p) => p.ok && p.item.unknown?.children.length)).toBe(true);
    expect(ours).toEqual(theirs);
  }, 60_000);
});
