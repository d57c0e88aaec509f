// A small, strict XML reader for what an XMPP server sends (RFC 6120 §11:
// no DTD, no entities but the five predefined ones and character
// references), into lite-dom.ts's nodes. Strict as a browser's DOMParser is:
// anything not well-formed or not namespace-well-formed throws, and the shim
// turns that into the <parsererror> document strophe expects. Comments and
// processing instructions are skipped (XMPP forbids them), CDATA becomes
// text. A loop with an explicit stack of open elements: no recursion, so a
// hostile nesting depth costs memory, not the stack.
import { attributeList, LiteAttr } from './lite-attr';
import { LiteDocument, LiteElement, LiteText, XML_NS, XMLNS_NS } from './lite-dom';

export class XmlSyntaxError extends Error {}

// XML 1.0's Char production, the code points a document cannot hold
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// An XML Name (namespaces' QName is checked apart: at most one colon, not first nor last): XML 1.0's NameStartChar and NameChar ranges
const NAME_START =
  'A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME = new RegExp(`^[${NAME_START}][${NAME_START}.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040-]*$`, 'u');
const REFERENCE = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z]+));/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const fail = (why: string, at: number): never => {
  throw new XmlSyntaxError(`${why} at ${at}`);
};

/** Names seen before are known good: a stanza repeats a handful of them thousands of times. */
const goodNames = new Set<string>();
function isName(name: string): boolean {
  if (goodNames.has(name)) return true;
  const colon = name.indexOf(':');
  if (!NAME.test(name) || (colon >= 0 && (colon === 0 || colon === name.length - 1 || name.indexOf(':', colon + 1) >= 0))) return false;
  if (goodNames.size < 1000) goodNames.add(name);
  return true;
}
function checkName(name: string, at: number): void {
  if (!isName(name)) fail(`not a name: ${JSON.stringify(name.slice(0, 40))}`, at);
}

/** Text with its references replaced; a bare '&' or an unknown entity is an error. */
function decode(raw: string, at: number): string {
  if (raw.indexOf('&') < 0) return raw;
  const out = raw.replace(REFERENCE, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return PREDEFINED[name] ?? fail(`unknown entity &${name.slice(0, 20)};`, at);
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
    const ok = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd);
    if (!ok && !(code >= 0x10000 && code <= 0x10ffff)) fail('a character reference to no XML character', at);
    return String.fromCodePoint(code);
  });
  // a '&' left over did not start a reference ('&' from a reference is already replaced, so look at the raw text)
  if (raw.replace(REFERENCE, '').indexOf('&') >= 0) fail("a '&' that starts no reference", at);
  return out;
}

/** Namespace scope: a new one only for an element that declares something. */
interface Scope {
  defaultNs: string | null;
  prefixes: Map<string, string>;
}

const ROOT_SCOPE: Scope = { defaultNs: null, prefixes: new Map([['xml', XML_NS]]) };

// Scanning without match objects (a big fetch has tens of thousands of tags,
// and what a read allocates it also pays for in garbage collection): names
// and white space by sticky expressions' test(), which run as native code
// from the first read, when a loop over characters would run in the worker's
// cold, not yet optimized JavaScript; one character by its code.
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09;
const NAME_CHARS = /[^ \n\t/>=<"']*/y;
const SPACES = /[ \n\t]*/y;
/** The end of a name starting at `i`: the first white space, '/', '>', '=', '<' or quote, or the end. */
function nameEnd(xml: string, i: number): number {
  NAME_CHARS.lastIndex = i;
  NAME_CHARS.test(xml);
  return NAME_CHARS.lastIndex;
}
function skipSpace(xml: string, i: number): number {
  SPACES.lastIndex = i;
  SPACES.test(xml);
  return SPACES.lastIndex;
}

export function readXml(source: string): LiteDocument {
  if (NOT_XML_CHAR.test(source)) fail('a character XML cannot hold', source.search(NOT_XML_CHAR));
  // end-of-line handling (XML 1.0 §2.11): CR LF and lone CR are read as LF
  const xml = source.indexOf('\r') >= 0 ? source.replace(/\r\n?/g, '\n') : source;
  const doc = new LiteDocument();
  // the open elements, and the scope each one's children see
  const openEls: LiteElement[] = [];
  const openScopes: Scope[] = [];
  let scope = ROOT_SCOPE;
  let rootSeen = false;
  let pos = 0;
  const n = xml.length;

  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > pos) {
      const raw = xml.slice(pos, textEnd);
      const parent = openEls[openEls.length - 1];
      if (parent) {
        if (raw.indexOf(']]>') >= 0) fail("']]>' in text", pos);
        parent.appendChild(new LiteText(decode(raw, pos)));
      } else if (!/^[ \t\n]*$/.test(raw)) {
        fail('text outside the root element', pos);
      }
    }
    if (lt < 0) break;
    pos = lt;
    const next = xml.charCodeAt(pos + 1);
    if (next === 0x2f /* / */) {
      const top = openEls.pop();
      openScopes.pop();
      const end = pos + 2 + (top ? top.nodeName.length : 0);
      if (!top || !xml.startsWith(top.nodeName, pos + 2) || nameEnd(xml, pos + 2) !== end) {
        fail(`</${xml.slice(pos + 2, nameEnd(xml, pos + 2)).slice(0, 40)}> closes ${top ? `<${top.nodeName}>` : 'nothing'}`, pos);
      }
      pos = skipSpace(xml, end);
      if (xml.charCodeAt(pos) !== 0x3e /* > */) fail('a malformed end tag', pos);
      pos++;
      scope = openScopes.length ? openScopes[openScopes.length - 1]! : ROOT_SCOPE;
    } else if (next === 0x21 /* ! */) {
      pos = markup(xml, pos, openEls[openEls.length - 1]);
    } else if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', pos + 2);
      if (end < 0) fail('an unclosed processing instruction', pos);
      pos = end + 2;
    } else {
      if (!openEls.length && rootSeen) fail('a second root element', pos);
      const el = openTag(xml, pos, scope);
      pos = tag.end;
      const parent = openEls[openEls.length - 1];
      (parent ?? doc).appendChild(el);
      rootSeen = true;
      if (!tag.selfClosing) {
        openEls.push(el);
        openScopes.push(tag.scope);
        scope = tag.scope;
      }
    }
  }
  if (openEls.length) fail(`<${openEls[openEls.length - 1]!.nodeName}> is not closed`, n);
  if (!rootSeen) fail('no root element', n);
  return doc;
}

/** <!-- comment --> or <![CDATA[ … ]]> (text); anything else (a DOCTYPE) is refused. */
function markup(xml: string, pos: number, parent: LiteElement | undefined): number {
  if (xml.startsWith('<!--', pos)) {
    const end = xml.indexOf('-->', pos + 4);
    if (end < 0) fail('an unclosed comment', pos);
    return end + 3;
  }
  if (xml.startsWith('<![CDATA[', pos)) {
    if (!parent) fail('CDATA outside the root element', pos);
    const end = xml.indexOf(']]>', pos + 9);
    if (end < 0) fail('an unclosed CDATA section', pos);
    parent!.appendChild(new LiteText(xml.slice(pos + 9, end)));
    return end + 3;
  }
  return fail('a DOCTYPE or unknown markup (XMPP allows none)', pos);
}

/** What readAttribute read (module state: no object per attribute); `end` is where it stopped. */
const attribute = { name: '', value: '', end: 0 };

/**
 * An attribute as nearly all are written: white space, a name, '=' and a
 * quoted value with nothing to replace (no reference, no white space to
 * normalize) and no '<'. One native match for what would otherwise be a
 * dozen steps of the worker's cold JavaScript per attribute, thousands of
 * times in a fetch; anything else is read step by step below.
 */
const PLAIN_ATTRIBUTE = /[ \n\t]+([^ \n\t/>=<"']+)[ \n\t]*=[ \n\t]*(?:'([^'<&\t\n]*)'|"([^"<&\t\n]*)")/y;

/** The attribute at `at` (white space before it included) into `attribute`; false at the end of the start tag ('>' or '/>' at attribute.end). */
function readAttribute(xml: string, at: number, tagName: string): boolean {
  PLAIN_ATTRIBUTE.lastIndex = at;
  const plain = PLAIN_ATTRIBUTE.exec(xml);
  if (plain && isName(plain[1]!)) {
    attribute.name = plain[1]!;
    attribute.value = plain[2] ?? plain[3]!;
    attribute.end = PLAIN_ATTRIBUTE.lastIndex;
    return true;
  }
  const spaced = isSpace(xml.charCodeAt(at));
  at = skipSpace(xml, at);
  const c = xml.charCodeAt(at);
  if (c === 0x3e /* > */ || (c === 0x2f /* / */ && xml.charCodeAt(at + 1) === 0x3e)) {
    attribute.end = at;
    return false;
  }
  if (!spaced) fail(`a malformed start tag <${tagName.slice(0, 40)}>`, at);
  const attrEnd = nameEnd(xml, at);
  if (attrEnd === at) fail(`a malformed attribute in <${tagName.slice(0, 40)}>`, at);
  const attrName = xml.slice(at, attrEnd);
  checkName(attrName, at);
  at = skipSpace(xml, attrEnd);
  if (xml.charCodeAt(at) !== 0x3d /* = */) fail(`attribute ${attrName.slice(0, 40)} without a value`, at);
  at = skipSpace(xml, at + 1);
  const quote = xml.charCodeAt(at);
  if (quote !== 0x22 && quote !== 0x27) fail(`attribute ${attrName.slice(0, 40)} without quotes`, at);
  const close = xml.indexOf(quote === 0x22 ? '"' : "'", at + 1);
  if (close < 0) fail(`attribute ${attrName.slice(0, 40)} not closed`, at);
  const rawValue = xml.slice(at + 1, close);
  if (rawValue.indexOf('<') >= 0) fail(`'<' in attribute ${attrName.slice(0, 40)}`, at);
  attribute.name = attrName;
  // attribute-value normalization: white space characters (not references to them) become spaces
  attribute.value = decode(rawValue.indexOf('\t') >= 0 || rawValue.indexOf('\n') >= 0 ? rawValue.replace(/[\t\n]/g, ' ') : rawValue, at);
  attribute.end = close + 1;
  return true;
}

/** What openTag read besides the element (module state: no object per tag). */
const tag = { end: 0, selfClosing: false, scope: ROOT_SCOPE };
// one start tag's attributes as read, before their namespaces are known (a declaration may follow its use)
const names: string[] = [];
const values: string[] = [];

function openTag(xml: string, pos: number, parentScope: Scope): LiteElement {
  const nameStop = nameEnd(xml, pos + 1);
  if (nameStop === pos + 1) fail('a tag without a name', pos);
  const name = xml.slice(pos + 1, nameStop);
  checkName(name, pos);
  let at = nameStop;
  // names[0, count) and values[0, count): the arrays are kept from tag to tag, never shrunk
  let count = 0;
  let scope = parentScope;
  while (readAttribute(xml, at, name)) {
    const { name: attrName, value } = attribute;
    for (let i = 0; i < count; i++) if (names[i] === attrName) fail(`attribute ${attrName.slice(0, 40)} twice`, at);
    names[count] = attrName;
    values[count] = value;
    count++;
    if (attrName === 'xmlns' || attrName.startsWith('xmlns:')) {
      if (scope === parentScope) scope = { defaultNs: parentScope.defaultNs, prefixes: parentScope.prefixes };
      declare(scope, parentScope, attrName === 'xmlns' ? null : attrName.slice(6), value, at);
    }
    at = attribute.end;
  }
  at = attribute.end;
  tag.selfClosing = xml.charCodeAt(at) === 0x2f;
  tag.end = at + (tag.selfClosing ? 2 : 1);
  tag.scope = scope;
  if (count === 0) return new LiteElement(name, resolve(name, scope, true, pos));
  // No prefixed attribute (nearly always): the element keeps them as read, and
  // makes no Attr object unless asked for one (lite-dom.ts)
  let prefixed = false;
  for (let i = 0; i < count; i++) if (names[i]!.indexOf(':') >= 0) prefixed = true;
  if (!prefixed) {
    const pairs = new Array<string>(count * 2);
    for (let i = 0; i < count; i++) {
      pairs[2 * i] = names[i]!;
      pairs[2 * i + 1] = values[i]!;
    }
    return new LiteElement(name, resolve(name, scope, true, pos), undefined, pairs);
  }
  const attributes = attributeList();
  for (let i = 0; i < count; i++) {
    const attrName = names[i]!;
    const colon = attrName.indexOf(':');
    if (attrName === 'xmlns') attributes.push(new LiteAttr(attrName, values[i]!, XMLNS_NS));
    else if (colon < 0) attributes.push(new LiteAttr(attrName, values[i]!));
    else {
      const prefix = attrName.slice(0, colon);
      const attrNs = prefix === 'xmlns' ? XMLNS_NS : resolve(attrName, scope, false, pos);
      attributes.push(new LiteAttr(attrName, values[i]!, attrNs, prefix, attrName.slice(colon + 1)));
    }
  }
  // two attributes with one expanded name (a:x and b:x, a and b the same namespace) are an error too
  if (count > 1) {
    const expanded = new Set<string>();
    for (const a of attributes) {
      const key = `${a.namespaceURI ?? ''} ${a.localName}`;
      if (expanded.has(key)) fail(`attribute ${a.name.slice(0, 40)} twice`, pos);
      expanded.add(key);
    }
  }
  return new LiteElement(name, resolve(name, scope, true, pos), attributes);
}

/** A namespace declaration, into `scope` (the element's own, a copy of its parent's). */
function declare(scope: Scope, parentScope: Scope, prefix: string | null, ns: string, at: number): void {
  if (prefix === null) {
    scope.defaultNs = ns || null;
    return;
  }
  if (prefix === 'xmlns' || (prefix === 'xml') !== (ns === XML_NS)) fail(`the reserved prefix ${prefix}`, at);
  if (!ns) fail(`xmlns:${prefix} undeclared`, at);
  if (scope.prefixes === parentScope.prefixes) scope.prefixes = new Map(parentScope.prefixes);
  scope.prefixes.set(prefix, ns);
}

/** The namespace of a qualified name; an unprefixed attribute has none. */
function resolve(qname: string, scope: Scope, isElement: boolean, at: number): string | null {
  const colon = qname.indexOf(':');
  if (colon < 0) return isElement ? scope.defaultNs : null;
  const prefix = qname.slice(0, colon);
  return scope.prefixes.get(prefix) ?? fail(`the undeclared prefix ${prefix.slice(0, 40)}`, at);
}
