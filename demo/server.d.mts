// Types of demo/server.mjs for TypeScript callers (end-to-end tests).
import type { Backend } from '../server/backend.mjs';

export interface Demo {
  port: number;
  /** http://127.0.0.1:PORT */
  url: string;
  stop(): Promise<void>;
}

export declare function startDemo(options: { port?: number; backend: Backend; log?: (line: string) => void }): Promise<Demo>;
