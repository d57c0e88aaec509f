// PeerTube's livechat serves XMPP to browsers on its own host: WebSocket at
// /plugins/livechat/ws/xmpp-websocket (also /plugins/livechat/<version>/ws/…)
// and BOSH at /plugins/livechat/router/http-bind. The demo forwards both to the
// backend's /xmpp-websocket and /http-bind as raw bytes, headers unchanged.
import { request } from 'node:http';
import { connect } from 'node:net';

export const WS_PATH = '/plugins/livechat/ws/xmpp-websocket';
export const BOSH_PATH = '/plugins/livechat/router/http-bind';
const WS_PATH_PATTERN = /^\/plugins\/livechat(\/[^/]+)?\/ws\/xmpp-websocket$/;

export const isWebSocketPath = (pathname) => WS_PATH_PATTERN.test(pathname);

export function createXmppProxy(backend) {
  const sockets = new Set();
  const track = (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const upstreamPath = (url) => new URL(url).pathname;

  /** For the HTTP server's 'upgrade' event on a WebSocket path. */
  function upgrade(req, socket, head) {
    track(socket);
    // Without Nagle's algorithm both ways, as PeerTube's nginx (tcp_nodelay): a stanza written right
    // after another would otherwise wait for the first one's ACK.
    socket.setNoDelay(true);
    const upstream = connect({ port: backend.port, host: '127.0.0.1', noDelay: true });
    track(upstream);
    upstream.on('connect', () => {
      const lines = [`${req.method} ${upstreamPath(backend.wsUrl)} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
  }

  /** For a request to the BOSH path (any method: POST, and OPTIONS for CORS). */
  function bosh(req, res) {
    const forward = request(
      {
        host: '127.0.0.1',
        port: backend.port,
        method: req.method,
        path: upstreamPath(backend.boshUrl),
        headers: req.headers,
      },
      (upstream) => {
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      },
    );
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('XMPP server unreachable');
    });
    req.pipe(forward);
  }

  return {
    upgrade,
    bosh,
    /** Cuts every open proxied connection. */
    closeAll() {
      for (const socket of sockets) socket.destroy();
    },
  };
}
