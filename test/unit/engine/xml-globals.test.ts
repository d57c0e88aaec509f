// The globals strophe needs where there is no DOM (Node here, like Chrome's
// service worker): installed by the shim, real XML parsing and HTTP behind them.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { installDomShim } from '../../../src/background/xmpp/dom-shim';
import { FetchXMLHttpRequest, installFetchXhr } from '../../../src/background/xmpp/fetch-xhr';

describe('XML globals', () => {
  test('Node has no DOM; the shim gives strophe DOMParser, XMLSerializer and document', () => {
    installDomShim();
    const doc = new DOMParser().parseFromString(
      '<iq xmlns="jabber:client" id="1"><!-- c --><ping xmlns="urn:xmpp:ping"/></iq>',
      'text/xml',
    );
    const iq = doc.documentElement;
    expect(iq.firstElementChild?.localName).toBe('ping');
    expect(iq.firstElementChild?.namespaceURI).toBe('urn:xmpp:ping');
    expect(new XMLSerializer().serializeToString(iq)).toContain('<ping xmlns="urn:xmpp:ping"/>');
    const generated = document.implementation.createDocument('jabber:client', 'strophe', null);
    expect(generated.documentElement.nodeName).toBe('strophe');
  });

  test('malformed XML gives a parsererror document, as browsers do, instead of throwing', () => {
    installDomShim();
    const doc = new DOMParser().parseFromString('<iq><unclosed></iq>', 'text/xml');
    expect(doc.documentElement.nodeName).toBe('parsererror');
  });

  test('an existing DOM (Firefox event page) is left alone', () => {
    const g = globalThis as Record<string, unknown>;
    const saved = { DOMParser: g.DOMParser, XMLSerializer: g.XMLSerializer, document: g.document };
    const browsers = { DOMParser: class {}, XMLSerializer: class {}, document: {} };
    Object.assign(g, browsers);
    try {
      installDomShim();
      expect({ DOMParser: g.DOMParser, XMLSerializer: g.XMLSerializer, document: g.document }).toEqual(browsers);
      expect(g.DOMParser).toBe(browsers.DOMParser);
    } finally {
      Object.assign(g, saved);
    }
  });
});

describe('XMLHttpRequest over fetch (BOSH in the worker)', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.url === '/slow') return; // never answers: only abort ends it
        res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'text/xml' });
        res.end(`<body xmlns="http://jabber.org/protocol/httpbind" echo="${req.headers['content-type']}">${body}</body>`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    installDomShim();
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const exchange = (path: string, body: string) =>
    new Promise<FetchXMLHttpRequest>((resolve) => {
      const xhr = new FetchXMLHttpRequest();
      xhr.onreadystatechange = () => {
        if (xhr.readyState === 4) resolve(xhr);
      };
      xhr.open('POST', url + path);
      xhr.setRequestHeader('Content-Type', 'text/xml; charset=utf-8');
      xhr.send(body);
    });

  test('a POST answers with status, text and parsed XML at readyState 4', async () => {
    const xhr = await exchange('/http-bind', '<ping/>');
    expect(xhr.status).toBe(200);
    expect(xhr.responseXML?.documentElement.getAttribute('echo')).toBe('text/xml; charset=utf-8');
    expect(xhr.responseXML?.documentElement.firstElementChild?.nodeName).toBe('ping');
  });

  test('HTTP errors keep their status; an unreachable server reports status 0', async () => {
    expect((await exchange('/missing', '')).status).toBe(404);
    const unreachable = await new Promise<FetchXMLHttpRequest>((resolve) => {
      const xhr = new FetchXMLHttpRequest();
      xhr.onreadystatechange = () => xhr.readyState === 4 && resolve(xhr);
      xhr.open('POST', 'http://127.0.0.1:1/');
      xhr.send('');
    });
    expect(unreachable.status).toBe(0);
  });

  test('abort ends a pending request without a late readyState 4', async () => {
    const states: number[] = [];
    const xhr = new FetchXMLHttpRequest();
    xhr.onreadystatechange = () => states.push(xhr.readyState);
    xhr.open('POST', `${url}/slow`);
    xhr.send('');
    xhr.abort();
    // a request after it proves the event loop moved on
    await exchange('/http-bind', '');
    expect(states).toEqual([1]);
  });

  test('installed only where XMLHttpRequest is missing', () => {
    const g = globalThis as { XMLHttpRequest?: unknown };
    const saved = g.XMLHttpRequest;
    try {
      delete g.XMLHttpRequest;
      installFetchXhr();
      expect(g.XMLHttpRequest).toBe(FetchXMLHttpRequest);
      const browsers = class {};
      g.XMLHttpRequest = browsers;
      installFetchXhr();
      expect(g.XMLHttpRequest).toBe(browsers);
    } finally {
      g.XMLHttpRequest = saved;
    }
  });
});
