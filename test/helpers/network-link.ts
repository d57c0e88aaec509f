// A TCP relay in front of a server's port, which a test cuts and restores:
// one client's network fails for real while the server and everyone else stay
// up. Used by the engine's integration tests, the soak and the browser soak.
import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of the backend's HTTP port (WebSocket and BOSH), so a
 * test can cut one client's network and bring it back while the server and
 * everyone else stay up: a real network failure, not a mock.
 */
export class NetworkLink {
  private readonly sockets = new Set<Socket>();
  private up = true;
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async to(targetPort: number): Promise<NetworkLink> {
    let link: NetworkLink | undefined;
    const server = createServer((client) => {
      if (!link?.up) {
        client.destroy();
        return;
      }
      const upstream = connect(targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        link.sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => {
          link?.sockets.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    link = new NetworkLink(server, typeof address === 'object' && address ? address.port : 0);
    return link;
  }

  url(backendUrl: string): string {
    const u = new URL(backendUrl);
    u.port = String(this.port);
    return u.href;
  }

  /** Drop every connection and refuse new ones. */
  cut(): void {
    this.up = false;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.up = true;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
