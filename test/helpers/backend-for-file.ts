// The one backend of a test file: started before its first test, stopped
// after its last (vitest hooks, so only for test files).
import { afterAll, beforeAll } from 'vitest';
import { startTestBackend, type TestBackend } from './backend.ts';

/** The file's backend; its fields are there once the file's tests run. */
export function backendForFile(): TestBackend {
  const backend = {} as TestBackend;
  beforeAll(async () => {
    Object.assign(backend, await startTestBackend());
  });
  afterAll(async () => {
    await backend.stop?.();
  });
  return backend;
}
