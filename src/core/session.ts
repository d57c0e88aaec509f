import type { Problem, Rights, SessionStatus } from './types';
export interface SessionState { status: SessionStatus; rights: Rights; affiliation?: string; attempt: number; problem?: Problem; wanted: boolean }
export type SessionEvent =
  | { type: 'connect' }
  | { type: 'stop' }
  | { type: 'retry' }
  | { type: 'connected' }
  | { type: 'authenticated' }
  | { type: 'auth-failed'; code?: 'auth' | 'not-logged-in'; detail?: string }
  | { type: 'joined'; affiliation: string }
  | { type: 'subscribed' }
  | { type: 'fetched' }
  | { type: 'forbidden'; detail?: string }
  | { type: 'room-gone'; detail?: string }
  | { type: 'disconnected'; reason?: string };
export type SessionAction =
  | { type: 'open' } | { type: 'close' } | { type: 'join' } | { type: 'subscribe' } | { type: 'fetch' }
  | { type: 'schedule-retry'; delay: number } | { type: 'cancel-retry' };
export interface StepContext { now: number; random?: () => number }
const todo = (...a: unknown[]): never => { throw new Error('todo ' + a.length); };
export const initialSession = (): SessionState => todo();
export const step = (state: SessionState, event: SessionEvent, ctx: StepContext): { state: SessionState; actions: SessionAction[] } => todo(state, event, ctx);
export const retryDelay = (attempt: number, random: () => number = Math.random): number => todo(attempt, random);
