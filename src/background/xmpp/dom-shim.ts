// XML globals for strophe where there is no DOM (Chrome's service worker, Node).
// strophe's browser build needs DOMParser, XMLSerializer and
// document.implementation.createDocument; strophe's Node build fills them from
// @xmldom/xmldom but also pulls `ws` and `node:net`, so we do the same here,
// guarded so that nothing changes where a real DOM exists (Firefox event page).
// Must be imported before strophe.
import { DOMImplementation, DOMParser as XmlDomParser, XMLSerializer as XmlDomSerializer } from '@xmldom/xmldom';

const PARSE_ERROR_NS = 'http://www.w3.org/1999/xhtml';

/** xmldom throws on malformed XML; browsers return a <parsererror> document, which strophe expects. */
class ShimDOMParser {
  parseFromString(source: string, mimeType: string): Document {
    try {
      const parser = new XmlDomParser({
        // no line and column on every node: a 5,000-item fetch is 60,000 nodes, and nothing reads them
        locator: false,
        onError: (level: string, message: unknown) => {
          if (level === 'fatalError') throw new Error(String(message));
        },
      });
      return parser.parseFromString(source, mimeType as 'text/xml') as unknown as Document;
    } catch (e) {
      const doc = implementation.createDocument(PARSE_ERROR_NS, 'parsererror', null);
      doc.documentElement?.appendChild(doc.createTextNode((e as Error).message));
      return doc as unknown as Document;
    }
  }
}

const implementation = new DOMImplementation();

/** xmldom lacks ParentNode.firstElementChild, which strophe reads. */
function polyfillFirstElementChild(): void {
  const sample = implementation.createDocument(null, 'sample', null);
  for (const proto of [Object.getPrototypeOf(sample.documentElement), Object.getPrototypeOf(sample)]) {
    if (!proto || 'firstElementChild' in proto) continue;
    Object.defineProperty(proto, 'firstElementChild', {
      configurable: true,
      get(this: Node): Element | null {
        let node = this.firstChild;
        while (node && node.nodeType !== 1) node = node.nextSibling;
        return (node as Element | null) ?? null;
      },
    });
  }
}

export function installDomShim(): void {
  const g = globalThis as Record<string, unknown>;
  if (typeof g.DOMParser === 'undefined') g.DOMParser = ShimDOMParser;
  if (typeof g.XMLSerializer === 'undefined') g.XMLSerializer = XmlDomSerializer;
  if (typeof g.document === 'undefined') {
    // strophe only calls document.implementation.createDocument().
    g.document = implementation.createDocument(null, '', null);
  }
  polyfillFirstElementChild();
}

installDomShim();
