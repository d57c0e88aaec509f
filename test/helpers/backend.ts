// A private Prosody per test file (free port, fresh data folder), with known users.
import { randomUUID } from 'node:crypto';
import { startBackend, type Backend, type BackendOptions } from '../../server/backend.mjs';
import { RawXmppClient } from './raw-client.ts';

const TEST_USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'] as const;

export function passwordOf(username: string): string {
  return `${username}-secret`;
}

export interface TestBackend extends Backend {
  /** Logs in a test user (or any user created with `extraUsers`) with the independent raw client. */
  connect(username: string, resource?: string): Promise<RawXmppClient>;
  /** A room JID no other test uses. */
  newRoomJid(): string;
}

export async function startTestBackend(options: BackendOptions & { extraUsers?: string[] } = {}): Promise<TestBackend> {
  const names = [...TEST_USERS, ...(options.extraUsers ?? [])];
  const backend = await startBackend({
    ...options,
    users: names.map((username) => ({ username, password: passwordOf(username) })),
    // Warnings (such as "Received SIGTERM" on every stop) would drown the test output.
    log:
      options.log ??
      ((line) => {
        if (/\berror\b/.test(line)) console.error(`[prosody] ${line}`);
      }),
  });
  return {
    ...backend,
    connect: (username, resource) =>
      RawXmppClient.connect({ wsUrl: backend.wsUrl, username, password: passwordOf(username), domain: backend.domain, resource }),
    newRoomJid: () => `room-${randomUUID()}@${backend.mucDomain}`,
  };
}
