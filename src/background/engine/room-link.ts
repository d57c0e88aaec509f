// What a room and its account's session need of each other: the room talks
// through the session's connection, and tells it when it needs it running.
import type { Problem, SessionStatus } from '../../core/types';
import type { EngineStore } from './store';

/** What a room needs from its account's session. */
export interface RoomLink {
  readonly online: boolean;
  /** connection status and problem, shown while the session is not online */
  readonly connectionStatus: SessionStatus;
  readonly connectionProblem: Problem | undefined;
  bareJid(): string;
  nickname(): string;
  nextId(): string;
  iq(xml: string): Promise<Element>;
  send(xml: string): void;
  /** the room wants (or no longer wants) the session to run */
  wantsChanged(): void;
}

export interface RoomDeps {
  store: EngineStore;
  now: () => number;
  log: (...a: unknown[]) => void;
}

/** How long a room stays joined after its last watcher left (a tab reload should not leave and rejoin). */
export const LINGER_MS = 60_000;
