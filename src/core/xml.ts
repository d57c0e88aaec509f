// Small XML helpers over the DOM subset that the worker's lite DOM implements
// (childNodes, nodeType, localName, namespaceURI, prefix, getAttribute,
// attributes, nodeValue), so the same code runs in the Chrome service worker
// (src/background/xmpp/lite-dom.ts), the Firefox event page (native DOM) and Node tests.

// Node.*_NODE: the worker's DOM has no Node global.
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

// Characters XML 1.0 cannot carry at all, even escaped: sending one would make
// the server close the whole stream, so they become U+FFFD.
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  // Quotes too, in text as well: that is what strophe's serializer (and so the
  // official client) sends, which keeps our bytes identical to theirs.
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns a raw CR (and CR LF) into LF; a character reference survives.
  '\r': '&#13;',
  // Attribute-value normalization would turn these into spaces.
  '\n': '&#10;',
  '\t': '&#9;',
};

const escapeWith = (s: string, chars: RegExp) => s.replace(NOT_XML_CHAR, '\uFFFD').replace(chars, (c) => ENTITIES[c] ?? c);

export const escapeText = (s: string): string => escapeWith(s, /[&<>"'\r]/g);
export const escapeAttr = (s: string): string => escapeWith(s, /[&<>"'\r\n\t]/g);

const isElement = (n: Node | null | undefined): n is Element => n?.nodeType === ELEMENT_NODE;

export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  const nodes = el.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (isElement(n)) out.push(n);
  }
  return out;
}

export function hasChildElement(el: Element): boolean {
  const nodes = el.childNodes;
  for (let i = 0; i < nodes.length; i++) if (isElement(nodes[i])) return true;
  return false;
}

/** First child element with this local name (and namespace, when given). */
export function firstChild(el: Element, localName: string, ns?: string): Element | undefined {
  return childElements(el).find((c) => c.localName === localName && (ns === undefined || c.namespaceURI === ns));
}

/** All text below `el` (like textContent), without recursion so deep hostile nesting cannot overflow the stack. */
export function text(el: Element): string {
  // most elements read hold one text node: no stack for them
  const only = el.childNodes.length === 1 ? el.childNodes[0]! : undefined;
  if (only && (only.nodeType === TEXT_NODE || only.nodeType === CDATA_SECTION_NODE)) return only.nodeValue ?? '';
  let out = '';
  const stack: Node[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      out += node.nodeValue ?? '';
    } else if (node.nodeType === ELEMENT_NODE) {
      const kids = node.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return out;
}

interface Scope {
  /** default namespace in scope; undefined when unknown (top of a standalone serialization) */
  defaultNs: string | null | undefined;
  prefixes: Record<string, string>;
}

/**
 * Serializes an element and its subtree, keeping namespaces: every element
 * and attribute gets the declarations it needs to mean the same thing when
 * the string is inserted elsewhere. `inheritedDefaultNs` is the default
 * namespace of the place the string will be inserted into (so a child of a
 * task payload does not repeat the payload's xmlns). Comments and processing
 * instructions are dropped (XMPP forbids them); CDATA becomes escaped text.
 */
export function serializeElement(el: Element, inheritedDefaultNs?: string | null): string {
  return serializeIn(el, { defaultNs: inheritedDefaultNs, prefixes: { xml: XML_NS } });
}

function serializeIn(el: Element, parentScope: Scope): string {
  const scope: Scope = { defaultNs: parentScope.defaultNs, prefixes: { ...parentScope.prefixes } };
  const attrs: string[] = [];
  const plain: Attr[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i]!;
    if (a.name === 'xmlns') scope.defaultNs = a.value || null;
    else if (a.name.startsWith('xmlns:')) scope.prefixes[a.name.slice(6)] = a.value;
    else {
      plain.push(a);
      continue;
    }
    attrs.push(` ${a.name}="${escapeAttr(a.value)}"`);
  }
  const declare = (prefix: string | null, ns: string | null) => {
    if (prefix) {
      if (scope.prefixes[prefix] === ns || ns === null) return;
      scope.prefixes[prefix] = ns;
      attrs.push(` xmlns:${prefix}="${escapeAttr(ns)}"`);
    } else if (scope.defaultNs !== ns && !(scope.defaultNs === undefined && ns === null)) {
      scope.defaultNs = ns;
      attrs.push(` xmlns="${escapeAttr(ns ?? '')}"`);
    }
  };
  declare(el.prefix || null, el.namespaceURI || null);
  for (const a of plain) {
    if (a.prefix) declare(a.prefix, a.namespaceURI || null);
    attrs.push(` ${a.name}="${escapeAttr(a.value)}"`);
  }
  const name = el.prefix ? `${el.prefix}:${el.localName}` : (el.localName ?? el.nodeName);
  let inner = '';
  const kids = el.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i]!;
    if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) inner += escapeText(n.nodeValue ?? '');
    else if (isElement(n)) inner += serializeIn(n, scope);
  }
  const open = `<${name}${attrs.join('')}`;
  return inner ? `${open}>${inner}</${name}>` : `${open}/>`;
}

/**
 * The attributes of a payload element that its codec does not read (all but
 * `xmlns` and `known`), to put back when republishing, so that another
 * client's data survives. A prefixed attribute whose prefix was declared
 * higher up (on <item> or the stanza) gets its declaration carried along.
 * Null prototype: an attribute named __proto__ must stay an attribute.
 */
export function foreignAttributes(el: Element, known: ReadonlySet<string>): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  const declared = new Set<string>();
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i]!;
    if (a.name === 'xmlns' || known.has(a.name)) continue;
    out[a.name] = a.value;
    if (a.name.startsWith('xmlns:')) declared.add(a.name.slice(6));
  }
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i]!;
    if (a.prefix && a.prefix !== 'xmlns' && a.prefix !== 'xml' && !declared.has(a.prefix) && a.namespaceURI) {
      out[`xmlns:${a.prefix}`] = a.namespaceURI;
      declared.add(a.prefix);
    }
  }
  return out;
}

// An XML Name; anything else (only possible from tampered storage) is dropped
// rather than allowed to break out of the attribute list.
const ATTR_NAME = /^[\p{L}_][\p{L}\p{N}_.:-]*$/u;

/**
 * ` a="…" b="…"` for a start tag, names sorted as strophe's serializer (and
 * so the official client) writes them.
 */
export function attributeList(attrs: Record<string, string>): string {
  return Object.keys(attrs)
    .filter((name) => ATTR_NAME.test(name))
    .sort()
    .map((name) => ` ${name}="${escapeAttr(attrs[name]!)}"`)
    .join('');
}

/** `<name>text</name>`, escaped as strophe does. */
export const textElement = (name: string, value: string): string => `<${name}>${escapeText(value)}</${name}>`;
