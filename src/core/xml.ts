// Small XML helpers over the DOM subset that @xmldom/xmldom implements.
export function escapeText(s: string): string { throw new Error('todo' + s); }
export function escapeAttr(s: string): string { throw new Error('todo' + s); }
export function serializeElement(el: Element, inheritedDefaultNs?: string | null): string { throw new Error('todo' + el + inheritedDefaultNs); }
export function childElements(el: Element): Element[] { throw new Error('todo' + el); }
export function firstChild(el: Element, localName: string, ns?: string): Element | undefined { throw new Error('todo' + el + localName + ns); }
export function text(el: Element): string { throw new Error('todo' + el); }
