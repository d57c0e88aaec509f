// The baseline of the benchmarks: the least a browser page can do to show a
// room's tasks. A plain browser WebSocket (RFC 7395) with hand-written
// stanzas, SASL SCRAM-SHA-1 on native crypto.subtle (PBKDF2, HMAC, SHA-1),
// bind, MUC join, pubsub subscribe and item retrieval, and the tasks drawn as
// a plain list. No framework, no cache, no worker: what it costs is the
// protocol's floor on this machine, measured in the same browser as the
// extension. Loaded into a page of the demo origin (classic script, sets
// window.RawXmpp); the bench calls it from page.evaluate.
(() => {
  const FRAMING = 'urn:ietf:params:xml:ns:xmpp-framing';
  const SASL = 'urn:ietf:params:xml:ns:xmpp-sasl';
  const BIND = 'urn:ietf:params:xml:ns:xmpp-bind';
  const MUC = 'http://jabber.org/protocol/muc';
  const MUC_USER = 'http://jabber.org/protocol/muc#user';
  const PUBSUB = 'http://jabber.org/protocol/pubsub';
  const NODE = 'livechat-tasks';
  const NS_TASK = 'urn:peertube-plugin-livechat:task';
  const NS_TASKLIST = 'urn:peertube-plugin-livechat:tasklist';

  const enc = new TextEncoder();
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);
  const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
  const unb64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const kids = (el, name) => [...(el?.children ?? [])].filter((c) => !name || c.localName === name);
  const kid = (el, name) => kids(el, name)[0] ?? null;

  async function hmac(key, text) {
    const k = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
    return new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(text)));
  }

  /** RFC 5802 client side; returns the client-final message and the server signature to expect. */
  async function scram(_username, password, clientFirstBare, serverFirst) {
    const attrs = Object.fromEntries(serverFirst.split(',').map((kv) => [kv[0], kv.slice(2)]));
    const base = await crypto.subtle.importKey('raw', enc.encode(password), 'PBKDF2', false, ['deriveBits']);
    const salted = new Uint8Array(
      await crypto.subtle.deriveBits({ name: 'PBKDF2', salt: unb64(attrs.s), iterations: Number(attrs.i), hash: 'SHA-1' }, base, 160),
    );
    const clientKey = await hmac(salted, 'Client Key');
    const storedKey = new Uint8Array(await crypto.subtle.digest('SHA-1', clientKey));
    const withoutProof = `c=biws,r=${attrs.r}`;
    const authMessage = `${clientFirstBare},${serverFirst},${withoutProof}`;
    const signature = await hmac(storedKey, authMessage);
    const proof = clientKey.map((b, i) => b ^ signature[i]);
    const serverSignature = b64(await hmac(await hmac(salted, 'Server Key'), authMessage));
    return { final: `${withoutProof},p=${b64(proof)}`, serverSignature };
  }

  /** Connects, logs in with SCRAM-SHA-1, binds and sends presence. */
  async function connect({ url, domain, username, password, resource = 'raw' }) {
    const ws = new WebSocket(url, 'xmpp');
    const parser = new DOMParser();
    const queue = [];
    let wake = null;
    const waiting = new Map();
    const listeners = new Set();
    let setup = true;
    let counter = 0;
    ws.onmessage = (e) => {
      const el = parser.parseFromString(e.data, 'text/xml').documentElement;
      if (setup) {
        queue.push(el);
        wake?.();
        return;
      }
      if (el.localName === 'iq' && waiting.has(el.getAttribute('id'))) {
        const done = waiting.get(el.getAttribute('id'));
        waiting.delete(el.getAttribute('id'));
        done(el);
        return;
      }
      for (const fn of listeners) fn(el);
    };
    const closed = new Promise((resolve) => {
      ws.onclose = resolve;
    });
    const next = async () => {
      while (!queue.length) {
        if (ws.readyState > 1) throw new Error('connection closed during login');
        await Promise.race([
          new Promise((r) => {
            wake = r;
          }),
          closed,
        ]);
      }
      return queue.shift();
    };
    const open = async () => {
      ws.send(`<open xmlns="${FRAMING}" to="${esc(domain)}" version="1.0"/>`);
      await next();
      return next();
    };
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = () => reject(new Error(`cannot open ${url}`));
    });
    await open();
    const nonce = b64(crypto.getRandomValues(new Uint8Array(18)));
    const clientFirstBare = `n=${username.replace(/=/g, '=3D').replace(/,/g, '=2C')},r=${nonce}`;
    ws.send(`<auth xmlns="${SASL}" mechanism="SCRAM-SHA-1">${btoa(`n,,${clientFirstBare}`)}</auth>`);
    const challenge = await next();
    if (challenge.localName !== 'challenge') throw new Error(`SCRAM refused: ${challenge.outerHTML}`);
    const { final, serverSignature } = await scram(username, password, clientFirstBare, atob(challenge.textContent));
    ws.send(`<response xmlns="${SASL}">${btoa(final)}</response>`);
    const success = await next();
    if (success.localName !== 'success' || atob(success.textContent) !== `v=${serverSignature}`) {
      throw new Error(`SCRAM failed: ${success.outerHTML}`);
    }
    await open();
    ws.send(`<iq xmlns="jabber:client" type="set" id="bind"><bind xmlns="${BIND}"><resource>${esc(resource)}</resource></bind></iq>`);
    const jid = kid(kid(await next(), 'bind'), 'jid')?.textContent;
    if (!jid) throw new Error('bind failed');
    setup = false;
    for (const el of queue.splice(0)) for (const fn of listeners) fn(el);
    ws.send('<presence xmlns="jabber:client"/>');

    const client = {
      jid,
      bareJid: jid.split('/')[0],
      send: (xml) => ws.send(xml),
      on: (fn) => {
        listeners.add(fn);
        return () => listeners.delete(fn);
      },
      iq(type, to, payload) {
        const id = `b${(counter++).toString(36)}`;
        return new Promise((resolve, reject) => {
          waiting.set(id, (el) => (el.getAttribute('type') === 'error' ? reject(new Error(el.outerHTML)) : resolve(el)));
          ws.send(`<iq xmlns="jabber:client" type="${type}" id="${id}" to="${esc(to)}">${payload}</iq>`);
        });
      },
      close() {
        ws.send(`<close xmlns="${FRAMING}"/>`);
        setTimeout(() => ws.close(), 500);
        return closed;
      },
    };
    return client;
  }

  /** Joins without history; resolves with our affiliation from the self-presence. */
  function join(client, room, nick) {
    return new Promise((resolve, reject) => {
      const off = client.on((el) => {
        if (el.localName !== 'presence' || el.getAttribute('from')?.split('/')[0] !== room) return;
        if (el.getAttribute('type') === 'error') {
          off();
          reject(new Error(el.outerHTML));
          return;
        }
        const x = kids(el, 'x').find((e) => e.namespaceURI === MUC_USER);
        if (!x || !kids(x, 'status').some((s) => s.getAttribute('code') === '110')) return;
        off();
        resolve(kid(x, 'item')?.getAttribute('affiliation'));
      });
      client.send(
        `<presence xmlns="jabber:client" to="${esc(room)}/${esc(nick)}"><x xmlns="${MUC}"><history maxstanzas="0"/></x></presence>`,
      );
    });
  }

  const subscribe = (client, room) =>
    client.iq('set', room, `<pubsub xmlns="${PUBSUB}"><subscribe node="${NODE}" jid="${esc(client.bareJid)}"/></pubsub>`);

  async function fetchItems(client, room) {
    const result = await client.iq('get', room, `<pubsub xmlns="${PUBSUB}"><items node="${NODE}"/></pubsub>`);
    return kids(kid(kid(result, 'pubsub'), 'items'), 'item');
  }

  function publish(client, room, id, payload) {
    return client.iq(
      'set',
      room,
      `<pubsub xmlns="${PUBSUB}"><publish node="${NODE}"><item${id ? ` id="${esc(id)}"` : ''}>${payload}</item></publish></pubsub>`,
    );
  }

  const taskXml = (t) =>
    `<task xmlns="${NS_TASK}" list="${esc(t.list)}" order="${t.order}"${t.done ? ' done="true"' : ''}><name>${esc(t.name)}</name>${t.description === undefined ? '' : `<description>${esc(t.description)}</description>`}</task>`;

  /** Items to plain objects; anything unknown is skipped. */
  function read(items) {
    const lists = new Map();
    const tasks = new Map();
    for (const item of items) {
      const p = item.firstElementChild;
      const name = kid(p, 'name')?.textContent ?? '';
      if (p?.localName === 'tasklist' && p.namespaceURI === NS_TASKLIST)
        lists.set(item.getAttribute('id'), { id: item.getAttribute('id'), name });
      if (p?.localName === 'task' && p.namespaceURI === NS_TASK) {
        tasks.set(item.getAttribute('id'), {
          id: item.getAttribute('id'),
          name,
          list: p.getAttribute('list'),
          order: Number(p.getAttribute('order')),
          done: p.hasAttribute('done'),
          description: kid(p, 'description')?.textContent,
        });
      }
    }
    return { lists, tasks };
  }

  /** A plain list per task list, sorted by order then id, one <li> per task. */
  function render(container, model) {
    const byList = new Map([...model.lists.keys()].map((id) => [id, []]));
    for (const t of model.tasks.values()) byList.get(t.list)?.push(t);
    const out = [];
    for (const list of [...model.lists.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      const h = document.createElement('h3');
      h.textContent = list.name;
      const ul = document.createElement('ul');
      for (const t of byList.get(list.id).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))) {
        const li = document.createElement('li');
        li.dataset.taskId = t.id;
        li.className = t.done ? 'is-done' : '';
        li.textContent = t.name;
        ul.append(li);
      }
      out.push(h, ul);
    }
    container.replaceChildren(...out);
  }

  /** Keeps `container` in step with the node: notifications update the model and re-render. */
  function live(client, room, model, container) {
    client.on((el) => {
      if (el.localName !== 'message' || el.getAttribute('from') !== room) return;
      const items = kid(kid(el, 'event'), 'items');
      if (!items) return;
      const fresh = read(kids(items, 'item'));
      for (const [id, l] of fresh.lists) model.lists.set(id, l);
      for (const [id, t] of fresh.tasks) model.tasks.set(id, t);
      for (const r of kids(items, 'retract')) {
        model.tasks.delete(r.getAttribute('id'));
        model.lists.delete(r.getAttribute('id'));
      }
      render(container, model);
    });
  }

  /** Everything a client does to show a room's tasks; returns the model once painted. */
  async function showRoom({ url, domain, username, password, room, nick, container }) {
    const client = await connect({ url, domain, username, password });
    await join(client, room, nick);
    await subscribe(client, room);
    const model = read(await fetchItems(client, room));
    render(container, model);
    live(client, room, model, container);
    await new Promise(requestAnimationFrame);
    return { client, model };
  }

  /**
   * The cold start as the extension does it on a PeerTube watch page: the
   * video's room, the user's XMPP credentials, then showRoom.
   */
  async function coldStartOnWatchPage(shortId) {
    const headers = { authorization: `${localStorage.getItem('token_type')} ${localStorage.getItem('access_token')}` };
    const json = async (path, init) => {
      const res = await fetch(path, init);
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      return res.json();
    };
    const [video, auth] = await Promise.all([json(`/api/v1/videos/${shortId}`), json('/plugins/livechat/router/api/auth', { headers })]);
    const config = await json(`/plugins/livechat/router/api/configuration/room/${video.uuid}`);
    const container = document.createElement('ol');
    container.id = 'raw-tasks';
    container.style.cssText = 'position:fixed;top:0;right:0;width:360px;height:380px;overflow:auto;background:#fff;z-index:9';
    (document.body ?? document.documentElement).append(container);
    const [username, domain] = auth.jid.split('@');
    const wsUrl = new URL(config.localWebsocketServiceUrl, location.href).href.replace(/^http/, 'ws');
    const shown = await showRoom({
      url: wsUrl,
      domain,
      username,
      password: auth.password,
      room: config.room,
      nick: auth.nickname,
      container,
    });
    return { ...shown, painted: performance.now() };
  }

  window.RawXmpp = { connect, join, subscribe, fetchItems, publish, taskXml, read, render, live, showRoom, coldStartOnWatchPage };
})();
