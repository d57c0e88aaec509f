// A TCP relay that can hold what the server sends to one client while what
// the client sends still goes through: the client then acts on a view that
// lags the server by as long as the test wants, deterministically (the race
// of a notification still on its way when the user acts).
import { connect, createServer, type Server, type Socket } from 'node:net';

export class HeldLink {
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>();
  private held = false;
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async to(targetPort: number): Promise<HeldLink> {
    let link: HeldLink | undefined;
    const server = createServer((client) => {
      const upstream = connect(targetPort, '127.0.0.1');
      const pair = { client, upstream };
      link!.pairs.add(pair);
      for (const s of [client, upstream]) {
        s.on('error', () => {});
        s.on('close', () => {
          link!.pairs.delete(pair);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
      if (link!.held) upstream.pause();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    link = new HeldLink(server, typeof address === 'object' && address ? address.port : 0);
    return link;
  }

  url(backendUrl: string): string {
    const u = new URL(backendUrl);
    u.port = String(this.port);
    return u.href;
  }

  /** What the server sends waits here until release(). */
  hold(): void {
    this.held = true;
    for (const { upstream } of this.pairs) upstream.pause();
  }

  release(): void {
    this.held = false;
    for (const { upstream } of this.pairs) upstream.resume();
  }

  async close(): Promise<void> {
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
