// Generated hostile pubsub items for the hostile-input run: malformed shapes,
// missing or absurd attributes, markup and script in every text, 100,000-
// character names, unknown namespaces, and, last, a few good items whose text
// looks like markup. Every payload is one XML element as a string (the server
// refuses anything else), with the text escaped so that it arrives as text.
import { esc } from '../../demo/xmpp-client.mjs';
import { NS_TASK, NS_TASKLIST } from '../../demo/muc.mjs';

export interface HostileItem {
  /** item id to publish with, or undefined for a server-generated one */
  id?: string;
  payload: string;
}

const SCRIPTY = [
  '<script>window.__lctPwned = "script"</script>',
  '<img src="x" onerror="window.__lctPwned = \'img\'">',
  '<svg onload="window.__lctPwned = \'svg\'"></svg>',
  '"><iframe src="javascript:window.__lctPwned=\'iframe\'"></iframe>',
  '\u202Edesrever\u202C \u200B zero width',
  'javascript:alert(document.domain)',
  '{{constructor.constructor("alert(1)")()}}',
];
const scripty = (i: number) => `${SCRIPTY[i % SCRIPTY.length]} #${i}`;
const LONG = (i: number) => `${i} ${'W'.repeat(100_000)}`;

const task = (attrs: string, inner: string, ns = NS_TASK) => `<task xmlns="${ns}"${attrs}>${inner}</task>`;
const name = (text: string) => `<name>${esc(text)}</name>`;

/** The i-th hostile item, i < 10,000. `listId` is a hostile list known to exist (published earlier). */
function hostile(i: number, listId: string): HostileItem {
  const list = ` list="${esc(listId)}"`;
  switch (i % 20) {
    case 0:
      return { id: `hostile-list-${i}`, payload: `<tasklist xmlns="${NS_TASKLIST}">${name(scripty(i))}</tasklist>` };
    case 1:
      return { payload: task(` order="1"`, name(scripty(i))) }; // no list
    case 2:
      return { payload: task(` list="no-such-list-${i}" order="2"`, name(scripty(i))) };
    case 3:
      return { payload: task(`${list} order="NaN"`, name(scripty(i))) };
    case 4:
      return { payload: task(`${list} order="${i % 2 ? '1e999' : '-99999999999999999999999999'}"`, name(scripty(i))) };
    case 5:
      return { payload: task(`${list} order="5"`, '') }; // no name
    case 6:
      return {
        payload: task(
          `${list} order="6"`,
          `<name><b>bold</b><script xmlns="http://www.w3.org/1999/xhtml">window.__lctPwned="child"</script></name>`,
        ),
      };
    case 7:
      return { payload: task(`${list} order="7"`, name(scripty(i)), 'urn:evil:namespace') };
    case 8:
      return { payload: `<note xmlns="${NS_TASK}">${name(scripty(i))}</note>` };
    case 9:
      return { payload: `<tasklist xmlns="${NS_TASKLIST}"/>` };
    case 10:
      return { payload: task(`${list} order="${i}"`, `${name(scripty(i))}<description>${esc(scripty(i + 1))}</description>`) };
    case 11:
      return { payload: task(`${list} order="${i}" done="false"`, name(scripty(i))) };
    case 12:
      return { payload: `<iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:window.__lctPwned='iframe'"/>` };
    case 13:
      return i % 500 === 13
        ? { payload: task(`${list} order="${i}"`, name(LONG(i))) }
        : {
            payload: task(
              `${list} order="${i}" done="true" style="x" onclick="y" ${'a'.repeat(20)}="${'b'.repeat(2000)}"`,
              name(scripty(i)),
            ),
          };
    case 14:
      return i % 1000 === 14
        ? { id: `hostile-list-${i}`, payload: `<tasklist xmlns="${NS_TASKLIST}">${name(LONG(i))}</tasklist>` }
        : // an older list's id published again with a task: the list is replaced by a task
          { id: `hostile-list-${Math.max(0, i - 194)}`, payload: task(`${list} order="14"`, name(scripty(i))) };
    case 15:
      return { payload: task(`${list} order="15"`, `${'<x>'.repeat(200)}${esc(scripty(i))}${'</x>'.repeat(200)}`) };
    case 16:
      return { payload: task(`${list} order="16"`, name(`&lt;b&gt;double-escaped&lt;/b&gt; ${esc(scripty(i))}`)) };
    case 17:
      return { payload: task(`${list} order="17"`, name(`🙂 עברית العربية ${scripty(i)} \u202E`)) };
    case 18:
      return { payload: task(` list="__proto__" order="constructor"`, name(scripty(i))) };
    default:
      return { payload: task(` list="" order=""`, name(scripty(i))) };
  }
}

export const GOOD_LIST = { id: 'good-list', name: 'Good list' };

/** The good items, published last: they survive the node's 5,000-item limit and must show exactly. */
export const GOOD_TASKS = [
  { name: 'Good task one', description: 'Plain text', order: 0 },
  { name: '<img src="x" onerror="window.__lctPwned = \'good\'">', description: undefined, order: 1 },
  { name: 'Good task three', description: '<script>window.__lctPwned = "desc"</script>', order: 2, done: true },
  { name: `Long ${'L'.repeat(100_000)}`, description: undefined, order: 3 },
  { name: '\u202Eright-to-left override', description: 'שלום', order: 4 },
];

export const HOSTILE_COUNT = 10_000;

/** All items in publishing order: hostile ones, then the good list and its tasks. */
export function* hostileItems(): Generator<HostileItem> {
  const goodCount = 1 + GOOD_TASKS.length;
  let lastList = 'hostile-list-0';
  for (let i = 0; i < HOSTILE_COUNT - goodCount; i++) {
    const item = hostile(i, lastList);
    if (i % 20 === 0) lastList = item.id!;
    yield item;
  }
  yield { id: GOOD_LIST.id, payload: `<tasklist xmlns="${NS_TASKLIST}">${name(GOOD_LIST.name)}</tasklist>` };
  for (const t of GOOD_TASKS) {
    yield {
      payload: task(
        ` list="${GOOD_LIST.id}" order="${t.order}"${t.done ? ' done="true"' : ''}`,
        `${name(t.name)}${t.description === undefined ? '' : `<description>${esc(t.description)}</description>`}`,
      ),
    };
  }
}
