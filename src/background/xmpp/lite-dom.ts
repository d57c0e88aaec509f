// The few DOM nodes strophe and our stanza parsers use, where there is no DOM
// (Chrome's service worker, Node). A 5,000-item fetch is some 20,000
// elements: a general-purpose DOM (xmldom: live node lists, mutation checks,
// a NamedNodeMap per element) spent most of a read building them. These are
// plain objects with arrays for children and attributes, built by
// xml-reader.ts for what arrives and by strophe's Builder for what it sends
// (login, bind). Only what those two read is here: no events, no selectors,
// no HTML. Their attributes are lite-attr.ts's, what they write
// lite-serializer.ts's.

import { attributeList, LiteAttr, type LiteAttributes } from './lite-attr';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

type Parent = LiteElement | LiteDocument;
type Child = LiteElement | LiteText;

// Constant properties are prototype getters, not instance fields: a big
// fetch makes tens of thousands of nodes, and smaller ones are faster to make
// and to collect. Fields are `declare`d and set in the constructors: a class
// field is defined by an initializer function run for each instance, which a
// fetch read in the worker's cold code (not yet optimized) paid tens of
// milliseconds for.
abstract class LiteNode {
  abstract readonly nodeType: number;
  declare parentNode: Parent | null;
  constructor() {
    this.parentNode = null;
  }
  // the constants DOM code compares nodeType with (`e.nodeType === e.ELEMENT_NODE`)
  get ELEMENT_NODE(): number {
    return ELEMENT_NODE;
  }
  get TEXT_NODE(): number {
    return TEXT_NODE;
  }
  get DOCUMENT_NODE(): number {
    return DOCUMENT_NODE;
  }
  get parentElement(): LiteElement | null {
    return this.parentNode instanceof LiteElement ? this.parentNode : null;
  }
  get nextSibling(): Child | null {
    const siblings = this.parentNode?.childNodes;
    return siblings ? (siblings[siblings.indexOf(this as unknown as Child) + 1] ?? null) : null;
  }
}

export class LiteText extends LiteNode {
  get nodeType(): number {
    return TEXT_NODE;
  }
  get nodeName(): string {
    return '#text';
  }
  declare nodeValue: string;
  constructor(nodeValue: string) {
    super();
    this.nodeValue = nodeValue;
  }
  get data(): string {
    return this.nodeValue;
  }
  get textContent(): string {
    return this.nodeValue;
  }
  cloneNode(): LiteText {
    return new LiteText(this.nodeValue);
  }
}

/** Shared by the elements that have none (most of a fetch's): replaced by a list of their own on the first setAttribute. */
const NO_ATTRIBUTES: LiteAttributes = Object.freeze(attributeList()) as LiteAttributes;

/** Shared by nodes without children; the first child gets its node an array of its own, of its exact size. */
const NO_CHILDREN: Child[] = Object.freeze([]) as unknown as Child[];

abstract class LiteParentNode extends LiteNode {
  /** replaced, not changed in place, when it goes from empty to one child (keep no reference across an append) */
  declare childNodes: Child[];
  constructor() {
    super();
    this.childNodes = NO_CHILDREN;
  }

  get firstChild(): Child | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): Child | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }
  get children(): LiteElement[] {
    return this.childNodes.filter((n): n is LiteElement => n.nodeType === ELEMENT_NODE);
  }
  get firstElementChild(): LiteElement | null {
    for (const n of this.childNodes) if (n.nodeType === ELEMENT_NODE) return n as LiteElement;
    return null;
  }

  appendChild<T extends Child>(node: T): T {
    node.parentNode?.removeChild(node);
    node.parentNode = this as unknown as Parent;
    // `[node]`: one slot; a push onto an empty array would reserve seventeen
    if (this.childNodes === NO_CHILDREN) this.childNodes = [node];
    else this.childNodes.push(node);
    return node;
  }

  removeChild<T extends Child>(node: T): T {
    const i = this.childNodes.indexOf(node);
    if (i < 0) throw new Error('removeChild: not a child');
    this.childNodes.splice(i, 1);
    node.parentNode = null;
    return node;
  }

  getElementsByTagName(name: string): LiteElement[] {
    return this.descendants((el) => name === '*' || el.nodeName === name);
  }

  getElementsByTagNameNS(ns: string | null, localName: string): LiteElement[] {
    return this.descendants((el) => (ns === '*' || el.namespaceURI === ns) && (localName === '*' || el.localName === localName));
  }

  /** In document order; a loop, not recursion: a hostile nesting cannot overflow the stack. */
  private descendants(match: (el: LiteElement) => boolean): LiteElement[] {
    const out: LiteElement[] = [];
    const stack: Child[] = [...this.childNodes].reverse();
    while (stack.length) {
      const node = stack.pop()!;
      if (node.nodeType !== ELEMENT_NODE) continue;
      const el = node as LiteElement;
      if (match(el)) out.push(el);
      for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push(el.childNodes[i]!);
    }
    return out;
  }
}

export class LiteElement extends LiteParentNode {
  get nodeType(): number {
    return ELEMENT_NODE;
  }
  /** the qualified name, as written */
  declare readonly nodeName: string;
  declare readonly namespaceURI: string | null;
  declare readonly localName: string;
  declare readonly prefix: string | null;
  /**
   * The attributes as read, name then value (none prefixed, so none needs its
   * namespace resolved), while nothing has changed them: getAttribute reads
   * these, and no Attr object is made for the thousands of attributes of a
   * fetch that nobody iterates. Replaced by `list` on the first change.
   */
  declare private pairs: string[] | null;
  declare private list: LiteAttributes;

  constructor(
    nodeName: string,
    namespaceURI: string | null,
    /** the element's own list (the reader's), or none yet */
    attributes: LiteAttributes = NO_ATTRIBUTES,
    /** or its attributes as read, when none is prefixed: [name, value, name, value…] */
    pairs: string[] | null = null,
  ) {
    super();
    this.nodeName = nodeName;
    this.namespaceURI = namespaceURI;
    const colon = nodeName.indexOf(':');
    this.prefix = colon > 0 ? nodeName.slice(0, colon) : null;
    this.localName = colon > 0 ? nodeName.slice(colon + 1) : nodeName;
    this.list = attributes;
    this.pairs = pairs;
  }

  get tagName(): string {
    return this.nodeName;
  }

  /**
   * As NamedNodeMap, but of an element as read, a list made afresh on each
   * call (its Attr objects are garbage once read, not kept by the tree): a
   * snapshot, not live; setting `value` on one changes nothing (setAttribute
   * does).
   */
  get attributes(): LiteAttributes {
    const pairs = this.pairs;
    if (!pairs) return this.list;
    const list = attributeList();
    for (let i = 0; i < pairs.length; i += 2) list.push(new LiteAttr(pairs[i]!, pairs[i + 1]!, pairs[i] === 'xmlns' ? XMLNS_NS : null));
    return list;
  }

  getAttributeNames(): string[] {
    const pairs = this.pairs;
    if (!pairs) return this.list.map((a) => a.name);
    const names: string[] = [];
    for (let i = 0; i < pairs.length; i += 2) names.push(pairs[i]!);
    return names;
  }

  getAttribute(name: string): string | null {
    const pairs = this.pairs;
    if (pairs) {
      for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === name) return pairs[i + 1]!;
      return null;
    }
    const a = this.list.getNamedItem(name);
    return a ? a.value : null;
  }

  getAttributeNS(ns: string | null, localName: string): string | null {
    for (const a of this.attributes) if (a.namespaceURI === ns && a.localName === localName) return a.value;
    return null;
  }

  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }

  /** As on an element made by createElement: the attribute has no namespace (strophe writes xmlns as a plain attribute). */
  setAttribute(name: string, value: string): void {
    const list = this.ownList();
    const a = list.getNamedItem(name);
    if (a) a.value = String(value);
    else list.push(new LiteAttr(name, String(value)));
  }

  removeAttribute(name: string): void {
    const list = this.ownList();
    const i = list.findIndex((a) => a.name === name);
    if (i >= 0) list.splice(i, 1);
  }

  /** The element's attributes as a list of its own, to change. */
  private ownList(): LiteAttributes {
    if (this.pairs) {
      this.list = this.attributes;
      this.pairs = null;
    } else if (this.list === NO_ATTRIBUTES) this.list = attributeList();
    return this.list;
  }

  get textContent(): string {
    let out = '';
    const stack: Child[] = [this];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.nodeType === TEXT_NODE) out += (node as LiteText).nodeValue;
      else {
        const kids = (node as LiteElement).childNodes;
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
      }
    }
    return out;
  }

  set textContent(text: string) {
    for (const n of this.childNodes) n.parentNode = null;
    this.childNodes = NO_CHILDREN;
    if (text) this.appendChild(new LiteText(text));
  }

  cloneNode(deep = false): LiteElement {
    const attributes = attributeList();
    for (const a of this.attributes) attributes.push(new LiteAttr(a.name, a.value, a.namespaceURI, a.prefix, a.localName));
    const copy = new LiteElement(this.nodeName, this.namespaceURI, attributes);
    if (deep) for (const n of this.childNodes) copy.appendChild(n.cloneNode(true));
    return copy;
  }
}

export class LiteDocument extends LiteParentNode {
  get nodeType(): number {
    return DOCUMENT_NODE;
  }
  get nodeName(): string {
    return '#document';
  }

  get documentElement(): LiteElement | null {
    return this.firstElementChild;
  }

  createElement(name: string): LiteElement {
    return new LiteElement(name, null);
  }

  createElementNS(ns: string | null, qualifiedName: string): LiteElement {
    return new LiteElement(qualifiedName, ns || null);
  }

  createTextNode(text: string): LiteText {
    return new LiteText(String(text));
  }
}

/** document.implementation: strophe's xmlGenerator() calls createDocument. */
export const liteImplementation = {
  createDocument(ns: string | null, qualifiedName: string | null, _doctype?: unknown): LiteDocument {
    const doc = new LiteDocument();
    if (qualifiedName) doc.appendChild(doc.createElementNS(ns, qualifiedName));
    return doc;
  },
};
