// A minimal client of Firefox's remote debugging protocol (the one
// about:debugging and web-ext use), for what WebDriver BiDi refuses here:
// opening the extension's own pages (moz-extension://), and stopping the
// extension's background page as Firefox does when it idles.
// Packets are `<byte length>:<JSON>` both ways.
import { connect, type Socket } from 'node:net';

// biome-ignore lint/suspicious/noExplicitAny: the remote protocol's packets have a shape per actor
type Packet = Record<string, any> & { from?: string };

/** Packets actors send on their own, never as a reply. */
const EVENTS = new Set([
  'tabNavigated',
  'frameUpdate',
  'evaluationResult',
  'resource-available-form',
  'resources-available-array',
  'newMutations',
  'tabListChanged',
  'forwardingCancelled',
  'addonListChanged',
]);

export class FirefoxRdp {
  private buffer = Buffer.alloc(0);
  private listeners = new Set<(packet: Packet) => void>();

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const colon = this.buffer.indexOf(':');
        if (colon < 1) return;
        const length = Number(this.buffer.subarray(0, colon).toString());
        if (this.buffer.length < colon + 1 + length) return;
        const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString()) as Packet;
        this.buffer = this.buffer.subarray(colon + 1 + length);
        for (const listener of [...this.listeners]) listener(packet);
      }
    });
  }

  /** Connects to Firefox started with `--start-debugger-server PORT`, retrying while it starts. */
  static async connect(port: number, timeoutMs = 20_000): Promise<FirefoxRdp> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
          s.once('error', reject);
        });
        const client = new FirefoxRdp(socket);
        await client.next((p) => p.from === 'root');
        return client;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  /** Resolves with the first packet `test` accepts. */
  next(test: (packet: Packet) => boolean, timeoutMs = 20_000, waitingFor = 'a packet'): Promise<Packet> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no answer from Firefox (remote debugging protocol) while waiting for ${waitingFor}`));
      }, timeoutMs);
      const listener = (packet: Packet) => {
        if (!test(packet)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(packet);
      };
      this.listeners.add(listener);
    });
  }

  /** Sends a request and resolves with the actor's reply (rejects on an error reply). */
  async request(to: string, type: string, fields: Record<string, unknown> = {}): Promise<Packet> {
    const reply = this.next((p) => p.from === to && !EVENTS.has(p.type as string), 20_000, `${type} to ${to}`);
    const text = JSON.stringify({ to, type, ...fields });
    this.socket.write(`${Buffer.byteLength(text)}:${text}`);
    const packet = await reply;
    if (packet.error) throw new Error(`${type} to ${to}: ${packet.error} ${packet.message ?? ''}`);
    return packet;
  }

  /**
   * Opens `url` in a tab of the browser (it may be an extension page) and
   * evaluates `promiseExpression` there once it has loaded; resolves with the
   * JSON of what the promise resolves to.
   */
  async evaluateInNewTab(url: string, promiseExpression: string): Promise<string> {
    const { tabs } = await this.request('root', 'listTabs');
    const tab = (tabs as Packet[]).find((t) => t.url === 'about:blank') ?? (tabs as Packet[])[0]!;
    const { frame } = await this.request(tab.actor, 'getTarget');
    await this.request(frame.actor, 'navigateTo', { url });
    // An extension page loads in another process: the tab gets a new target (sometimes twice while it
    // loads, and a target replaced meanwhile never answers), so find it again by URL until one answers.
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const { tabs: now } = await this.request('root', 'listTabs');
        const loaded = (now as Packet[]).find((t) => t.url === url);
        if (loaded) {
          const { frame: target } = await this.request(loaded.actor, 'getTarget');
          await this.evaluate(target.consoleActor, 'document.readyState', 3_000);
          return await this.settle(target.consoleActor, promiseExpression);
        }
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error(`${url} did not load in a tab`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /**
   * Sends the tab showing `tabUrl` (found by that exact address) to `url`, an
   * extension page for instance: the tab stays the same browsing context, so
   * whatever drives it over WebDriver BiDi drives the new page.
   */
  async navigateTab(tabUrl: string, url: string): Promise<void> {
    const { tabs } = await this.request('root', 'listTabs');
    const tab = (tabs as Packet[]).find((t) => t.url === tabUrl);
    if (!tab) throw new Error(`no tab shows ${tabUrl}`);
    const { frame } = await this.request(tab.actor, 'getTarget');
    await this.request(frame.actor, 'navigateTo', { url });
  }

  private async addon(id: string): Promise<Packet> {
    const { addons } = await this.request('root', 'listAddons');
    const addon = (addons as Packet[]).find((a) => a.id === id);
    if (!addon) throw new Error(`add-on ${id} is not installed`);
    return addon;
  }

  /** Whether the add-on's background page runs ('RUNNING') or is suspended ('STOPPED'), as about:debugging shows it. */
  async backgroundStatus(id: string): Promise<string> {
    return (await this.addon(id)).backgroundScriptStatus as string;
  }

  /** Suspends the add-on's background page, as Firefox does after 30 s idle (about:debugging's "Terminate background script"). */
  async terminateBackground(id: string): Promise<void> {
    await this.request((await this.addon(id)).actor as string, 'terminateBackgroundScript');
  }

  /**
   * Evaluates `script` in Firefox's parent process, with chrome privileges (as the Browser
   * Console does: needs devtools.chrome.enabled), where Firefox's own windows, menus and
   * alerts live; resolves with a primitive result.
   */
  async evaluateInParent(script: string): Promise<unknown> {
    const { processDescriptor } = await this.request('root', 'getProcess', { id: 0 });
    const { process } = await this.request(processDescriptor.actor as string, 'getTarget');
    return this.evaluate(process.consoleActor as string, script);
  }

  /** Evaluates `script` in a console actor's page; resolves with a primitive result (or its grip). */
  async evaluate(consoleActor: string, script: string, timeoutMs = 20_000): Promise<unknown> {
    // The result may arrive in the same read as the request's reply: collect results from now on.
    const results: Packet[] = [];
    const collect = (p: Packet) => {
      if (p.from === consoleActor && p.type === 'evaluationResult') results.push(p);
    };
    this.listeners.add(collect);
    try {
      const { resultID } = await this.request(consoleActor, 'evaluateJSAsync', { text: script });
      const mine = (p: Packet) => p.resultID === resultID;
      const done =
        results.find(mine) ??
        (await this.next(
          (p) => p.from === consoleActor && p.type === 'evaluationResult' && mine(p),
          timeoutMs,
          `the result of ${script.slice(0, 40)}`,
        ));
      if (done.exceptionMessage) throw new Error(`in the page: ${done.exceptionMessage}`);
      return done.result;
    } finally {
      this.listeners.delete(collect);
    }
  }

  /** Starts a promise in the page and polls until it settles; resolves with its value as JSON. */
  private async settle(consoleActor: string, promiseExpression: string): Promise<string> {
    await this.evaluate(
      consoleActor,
      `window.__rdpOutcome = undefined;
      Promise.resolve(${promiseExpression}).then(
        (value) => { window.__rdpOutcome = 'ok:' + JSON.stringify(value); },
        (error) => { window.__rdpOutcome = 'error:' + String(error); });
      'started'`,
    );
    const deadline = Date.now() + 20_000;
    for (;;) {
      const outcome = await this.evaluate(consoleActor, 'window.__rdpOutcome');
      if (typeof outcome === 'string') {
        if (outcome.startsWith('error:')) throw new Error(`in the page: ${outcome.slice(6)}`);
        return outcome.slice(3);
      }
      if (Date.now() > deadline) throw new Error(`${promiseExpression} did not settle`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  close(): void {
    this.socket.destroy();
  }
}
