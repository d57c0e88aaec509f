// Types of server/backend.mjs for TypeScript callers (tests, benchmarks, demo).
export declare const DOMAIN: string;
export declare const MUC_DOMAIN: string;

export interface BackendOptions {
  /** HTTP port (WebSocket and BOSH); 0 or absent picks a free one. */
  port?: number;
  /** "alice:pw,bob:pw", ["alice:pw"] or [{ username, password }]. */
  users?: string | Array<string | { username: string; password: string }>;
  /** Data folder; absent: a fresh temporary folder that stop() removes. */
  data?: string;
  verbose?: boolean;
  /** Keep Nagle's algorithm on (off by default). */
  nagle?: boolean;
  /** Extra settings of the MUC component, such as `livechat_tasks_max_items`. */
  componentOptions?: Record<string, string | number | boolean>;
  log?: (line: string) => void;
  onUnexpectedExit?: (code: number | null) => void;
}

export interface Backend {
  port: number;
  c2sPort: number;
  domain: string;
  mucDomain: string;
  wsUrl: string;
  boshUrl: string;
  dataDir: string;
  /** Process id of the running Prosody (changes with restart()). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

export declare function startBackend(options?: BackendOptions): Promise<Backend>;
export declare function findFreePort(): Promise<number>;
/** Prosody's file-name encoding of hosts and users in its internal storage (non-alphanumerics as %xx). */
export declare function encodeStoragePathPart(text: string): string;
