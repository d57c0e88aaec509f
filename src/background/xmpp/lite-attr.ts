// An attribute and an element's list of them, for lite-dom.ts's elements
// (where there is no DOM: Chrome's service worker, Node). Fields are
// `declare`d and set in the constructor: a class field is defined by an
// initializer function run for each instance, which costs the worker's cold,
// not yet optimized code of a big fetch read (lite-dom.ts says more).

export class LiteAttr {
  /** the qualified name, as written */
  declare readonly name: string;
  declare value: string;
  declare readonly namespaceURI: string | null;
  declare readonly prefix: string | null;
  declare readonly localName: string;
  constructor(name: string, value: string, namespaceURI: string | null = null, prefix: string | null = null, localName: string = name) {
    this.name = name;
    this.value = value;
    this.namespaceURI = namespaceURI;
    this.prefix = prefix;
    this.localName = localName;
  }
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
