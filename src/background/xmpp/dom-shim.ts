// XML globals for strophe where there is no DOM (Chrome's service worker, Node).
// strophe's browser build needs DOMParser, XMLSerializer and
// document.implementation.createDocument; strophe's Node build fills them from
// @xmldom/xmldom but also pulls `ws` and `node:net`. We fill them with our own
// strict reader and lite nodes (xml-reader.ts, lite-dom.ts: a 5,000-item fetch
// read in a fraction of xmldom's time, and a third of the worker's code
// less), guarded so that nothing changes where a real DOM exists (Firefox
// event page). Must be imported before strophe.
import { type LiteDocument, LiteText, liteImplementation } from './lite-dom';
import { LiteSerializer } from './lite-serializer';
import { readXml } from './xml-reader';

const PARSE_ERROR_NS = 'http://www.w3.org/1999/xhtml';

/** Malformed XML gives a <parsererror> document, as in browsers (strophe expects it), never an exception. */
class ShimDOMParser {
  parseFromString(source: string, _mimeType: string): LiteDocument {
    try {
      return readXml(String(source));
    } catch (e) {
      const doc = liteImplementation.createDocument(PARSE_ERROR_NS, 'parsererror');
      doc.documentElement!.appendChild(new LiteText((e as Error).message));
      return doc;
    }
  }
}

export function installDomShim(): void {
  const g = globalThis as Record<string, unknown>;
  if (typeof g.DOMParser === 'undefined') g.DOMParser = ShimDOMParser;
  if (typeof g.XMLSerializer === 'undefined') g.XMLSerializer = LiteSerializer;
  if (typeof g.document === 'undefined') {
    // strophe only calls document.implementation.createDocument().
    g.document = { implementation: liteImplementation };
  }
}

installDomShim();
