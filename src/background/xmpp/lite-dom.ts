// The few DOM nodes strophe and our stanza parsers use, where there is no DOM
// (Chrome's service worker, Node). A 5,000-item fetch is some 20,000
// elements: a general-purpose DOM (xmldom: live node lists, mutation checks,
// a NamedNodeMap per element) spent most of a read building them. These are
// plain objects with arrays for children and attributes, built by
// xml-reader.ts for what arrives and by strophe's Builder for what it sends
// (login, bind). Only what those two read is here: no events, no selectors,
// no HTML. What they write is lite-serializer.ts's.

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

type Parent = LiteElement | LiteDocument;
type Child = LiteElement | LiteText;

// Constant properties are prototype getters, not instance fields: a big
// fetch makes tens of thousands of nodes, and smaller ones are faster to make
// and to collect.
abstract class LiteNode {
  abstract readonly nodeType: number;
  parentNode: Parent | null = null;
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
  constructor(public nodeValue: string) {
    super();
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

export class LiteAttr {
  constructor(
    /** the qualified name, as written */
    readonly name: string,
    public value: string,
    readonly namespaceURI: string | null = null,
    readonly prefix: string | null = null,
    readonly localName: string = name,
  ) {}
  get nodeName(): string {
    return this.name;
  }
  get nodeValue(): string {
    return this.value;
  }
}

/** An element's attributes: an array (indexed, `length`) with NamedNodeMap's getNamedItem, which strophe's serializer calls. */
export type LiteAttributes = LiteAttr[] & { getNamedItem(name: string): LiteAttr | null };

function getNamedItem(this: LiteAttr[], name: string): LiteAttr | null {
  for (let i = 0; i < this.length; i++) if (this[i]!.name === name) return this[i]!;
  return null;
}

/** A new attribute list (a plain array with the method as a property: cheaper to make than an Array subclass). */
export function attributeList(): LiteAttributes {
  const list = [] as unknown as LiteAttributes;
  list.getNamedItem = getNamedItem;
  return list;
}

/** Shared by the elements that have none (most of a fetch's): replaced by a list of their own on the first setAttribute. */
const NO_ATTRIBUTES: LiteAttributes = Object.freeze(attributeList()) as LiteAttributes;

/** Shared by nodes without children; the first child gets its node an array of its own, of its exact size. */
const NO_CHILDREN: Child[] = Object.freeze([]) as unknown as Child[];

abstract class LiteParentNode extends LiteNode {
  /** replaced, not changed in place, when it goes from empty to one child (keep no reference across an append) */
  childNodes: Child[] = NO_CHILDREN;

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
  readonly localName: string;
  readonly prefix: string | null;

  constructor(
    /** the qualified name, as written */
    readonly nodeName: string,
    readonly namespaceURI: string | null,
    /** the element's own list (the reader's), or none yet */
    public attributes: LiteAttributes = NO_ATTRIBUTES,
  ) {
    super();
    const colon = nodeName.indexOf(':');
    this.prefix = colon > 0 ? nodeName.slice(0, colon) : null;
    this.localName = colon > 0 ? nodeName.slice(colon + 1) : nodeName;
  }

  get tagName(): string {
    return this.nodeName;
  }

  getAttribute(name: string): string | null {
    const a = this.attributes.getNamedItem(name);
    return a ? a.value : null;
  }

  getAttributeNS(ns: string | null, localName: string): string | null {
    for (const a of this.attributes) if (a.namespaceURI === ns && a.localName === localName) return a.value;
    return null;
  }

  hasAttribute(name: string): boolean {
    return this.attributes.getNamedItem(name) !== null;
  }

  /** As on an element made by createElement: the attribute has no namespace (strophe writes xmlns as a plain attribute). */
  setAttribute(name: string, value: string): void {
    const a = this.attributes.getNamedItem(name);
    if (a) a.value = String(value);
    else {
      if (this.attributes === NO_ATTRIBUTES) this.attributes = attributeList();
      this.attributes.push(new LiteAttr(name, String(value)));
    }
  }

  removeAttribute(name: string): void {
    const i = this.attributes.findIndex((a) => a.name === name);
    if (i >= 0) this.attributes.splice(i, 1);
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
