// Just enough BOSH (XEP-0124/0206) to log in and send iqs: the module answers BOSH sessions
// through a different path than WebSocket ones (see send_items in mod_livechat_tasks.lua).
import { DOMParser } from '@xmldom/xmldom';
import { children, xmlEscape } from '../../helpers/raw-client.ts';

const NS_HTTPBIND = 'http://jabber.org/protocol/httpbind';

export class BoshClient {
  private rid = Math.floor(Math.random() * 1e9);
  private sid = '';

  private constructor(
    private readonly url: string,
    readonly _domain: string,
  ) {}

  static async login(url: string, domain: string, username: string, password: string): Promise<BoshClient> {
    const client = new BoshClient(url, domain);
    const created = await client.post(
      `<body xmlns="${NS_HTTPBIND}" xmlns:xmpp="urn:xmpp:xbosh" rid="${client.rid++}" to="${domain}" xml:lang="en" wait="10" hold="1" ver="1.6" xmpp:version="1.0"/>`,
    );
    client.sid = created.getAttribute('sid') ?? '';
    const credentials = Buffer.from(`\0${username}\0${password}`, 'utf8').toString('base64');
    const auth = await client.send(`<auth xmlns="urn:ietf:params:xml:ns:xmpp-sasl" mechanism="PLAIN">${credentials}</auth>`);
    if (auth[0]?.localName !== 'success') throw new Error(`BOSH login of ${username} refused`);
    await client.post(
      `<body xmlns="${NS_HTTPBIND}" xmlns:xmpp="urn:xmpp:xbosh" rid="${client.rid++}" sid="${client.sid}" to="${domain}" xml:lang="en" xmpp:restart="true"/>`,
    );
    await client.iq('set', undefined, '<bind xmlns="urn:ietf:params:xml:ns:xmpp-bind"><resource>bosh</resource></bind>');
    return client;
  }

  private async post(body: string): Promise<Element> {
    const response = await fetch(this.url, { method: 'POST', body, headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
    const text = await response.text();
    return new DOMParser().parseFromString(text, 'text/xml').documentElement as unknown as Element;
  }

  /** Sends stanzas in one request and returns the stanzas of the answer (waits for a non-empty one). */
  async send(stanzas: string): Promise<Element[]> {
    let answer = children(await this.post(`<body xmlns="${NS_HTTPBIND}" rid="${this.rid++}" sid="${this.sid}">${stanzas}</body>`));
    for (let polls = 0; answer.length === 0 && polls < 5; polls++) {
      answer = children(await this.post(`<body xmlns="${NS_HTTPBIND}" rid="${this.rid++}" sid="${this.sid}"/>`));
    }
    return answer;
  }

  async iq(type: 'get' | 'set', to: string | undefined, payload: string): Promise<Element> {
    const id = `b${this.rid}`;
    const toAttr = to ? ` to="${xmlEscape(to)}"` : '';
    const answer = await this.send(`<iq xmlns="jabber:client" type="${type}" id="${id}"${toAttr}>${payload}</iq>`);
    const reply = answer.find((s) => s.localName === 'iq' && s.getAttribute('id') === id);
    if (!reply) throw new Error(`No BOSH reply to iq ${id}`);
    return reply;
  }

  async close(): Promise<void> {
    await this.post(`<body xmlns="${NS_HTTPBIND}" rid="${this.rid++}" sid="${this.sid}" type="terminate"/>`);
  }
}
