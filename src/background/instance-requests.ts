// Instances the user asked to enable, until the browser grants them. The
// popup's click on "Enable on <instance>" records the origin here, then asks
// the browser for the host permission. Firefox may close the popup for its
// permission prompt, so the popup never learns the answer: the worker
// finishes the enabling itself when `permissions.onAdded` fires. Only origins
// the user asked for are enabled this way; a grant of anything else (say,
// every site, from the browser's own UI) enables nothing.
import type { KV } from './engine/store';
import type { Instances } from './instances';

/** Session storage key: the asked-for origins are forgotten when the browser closes. */
export const REQUESTED_KEY = 'instanceRequests';

export class InstanceRequests {
  constructor(
    private readonly session: KV,
    private readonly instances: Pick<Instances, 'enable'>,
  ) {}

  /** The user clicked Enable on `origin`; the browser's prompt comes next. */
  async add(origin: string): Promise<void> {
    const requested = await this.requested();
    if (!requested.includes(origin)) await this.session.set(REQUESTED_KEY, [...requested, origin]);
  }

  /**
   * The browser granted host permissions: enables each asked-for origin it now
   * grants (Instances.enable checks) and forgets it; the others stay asked-for
   * (the user may still answer another prompt).
   */
  async onGranted(): Promise<void> {
    const requested = await this.requested();
    const enabled: string[] = [];
    for (const origin of requested) {
      if ((await this.instances.enable(origin)).ok) enabled.push(origin);
    }
    if (enabled.length === 0) return;
    const rest = (await this.requested()).filter((o) => !enabled.includes(o));
    await (rest.length ? this.session.set(REQUESTED_KEY, rest) : this.session.remove(REQUESTED_KEY));
  }

  private async requested(): Promise<string[]> {
    return (await this.session.get<string[]>(REQUESTED_KEY)) ?? [];
  }
}
