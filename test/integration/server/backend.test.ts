// Starting the test and demo server: ports are our own, and a taken one is said plainly.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../helpers/backend.ts';

const started: TestBackend[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((backend) => backend.stop()));
});

describe('startBackend', () => {
  it('several servers started at once each get two ports of their own, and each answers', async () => {
    started.push(...(await Promise.all([startTestBackend(), startTestBackend(), startTestBackend()])));
    const ports = started.flatMap((backend) => [backend.port, backend.c2sPort]);
    expect(new Set(ports).size).toBe(6);
    for (const backend of started) {
      const client = await backend.connect('alice');
      expect(client.jid).toMatch(/^alice@localhost\//);
      client.close();
    }
  });

  it('an HTTP port asked for that is taken fails at once, naming the port, and leaves no server', async () => {
    const holder: Server = createServer();
    await new Promise<void>((listening) => holder.listen(0, '127.0.0.1', listening));
    const { port } = holder.address() as { port: number };
    try {
      await expect(startTestBackend({ port })).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      await new Promise((closed) => holder.close(closed));
    }
  });
});
