// XMLSerializer for the worker's DOM (lite-dom.ts): strophe writes what it
// sends through it, and logs what it read.
import { LiteDocument, type LiteElement, LiteText } from './lite-dom';

const escapeAttrValue = (s: string) => s.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
const escapeTextValue = (s: string) => s.replace(/[&<>\r]/g, (c) => `&#${c.charCodeAt(0)};`);

/** XMLSerializer.serializeToString: the node as parsed or built (its xmlns attributes are its declarations). */
export class LiteSerializer {
  serializeToString(node: LiteElement | LiteText | LiteDocument): string {
    let out = '';
    // a loop with an explicit stack of what is left to write: no recursion
    const todo: (LiteElement | LiteText | string)[] = node instanceof LiteDocument ? [...node.childNodes].reverse() : [node];
    while (todo.length) {
      const next = todo.pop()!;
      if (typeof next === 'string') out += next;
      else if (next instanceof LiteText) out += escapeTextValue(next.nodeValue);
      else {
        const el = next;
        out += `<${el.nodeName}`;
        for (const a of el.attributes) out += ` ${a.name}="${escapeAttrValue(a.value)}"`;
        if (el.childNodes.length === 0) {
          out += '/>';
          continue;
        }
        out += '>';
        todo.push(`</${el.nodeName}>`);
        for (let i = el.childNodes.length - 1; i >= 0; i--) todo.push(el.childNodes[i]!);
      }
    }
    return out;
  }
}
