// The life of one room session, as a pure reducer: the background feeds it
// what happened (events) and carries out what it returns (actions). Order of
// progress: offline → connecting → authenticating → joining → subscribed →
// live. Network trouble retries with capped, jittered back-off; refused
// credentials, missing rights and a vanished room never retry on their own,
// since retrying cannot fix them: a new `connect` (new credentials, the user
// asking again) or a promotion seen in the room does.

import type { Problem, Rights, SessionStatus } from './types';

export interface SessionState {
  status: SessionStatus;
  rights: Rights;
  /** our affiliation in the room, as last seen in our own presence */
  affiliation?: string;
  /** failures since the session was last live: drives the back-off */
  attempt: number;
  problem?: Problem;
  /** the session should be up; false after `stop` and after failures only the user can fix */
  wanted: boolean;
  /** when the scheduled retry fires (ms since epoch) */
  retryAt?: number;
}

export type SessionEvent =
  /** the user (or new credentials) asks for the session: starts it, or restarts it after a failure */
  | { type: 'connect' }
  /** nobody needs the session any more */
  | { type: 'stop' }
  /** the timer of a `schedule-retry` fired */
  | { type: 'retry' }
  /** the transport is open, authentication in progress */
  | { type: 'connected' }
  /** authenticated and bound (also sent at once when `open` finds the connection already up) */
  | { type: 'authenticated' }
  | { type: 'auth-failed'; code?: 'auth' | 'not-logged-in'; detail?: string }
  /** our own presence in the room (status 110): after joining, and whenever our affiliation changes */
  | { type: 'joined'; affiliation: string }
  | { type: 'subscribed' }
  | { type: 'fetched' }
  /** the server refused a pubsub request with auth/forbidden */
  | { type: 'forbidden'; detail?: string }
  /** the room does not exist or was destroyed (join error item-not-found, <destroy/>, node deleted) */
  | { type: 'room-gone'; detail?: string }
  /** the connection dropped or failed, a ping went unanswered, or we were kicked from the room */
  | { type: 'disconnected'; reason?: string };

export type SessionAction =
  /** make sure the connection is up (if it already is, report `authenticated`) */
  | { type: 'open' }
  /** this session no longer needs the connection (a shared one closes when no session needs it) */
  | { type: 'close' }
  | { type: 'join' }
  | { type: 'leave' }
  | { type: 'subscribe' }
  | { type: 'fetch' }
  /** dispatch `retry` after `delay` ms */
  | { type: 'schedule-retry'; delay: number }
  | { type: 'cancel-retry' };

export interface StepContext {
  now: number;
  random?: () => number;
}

export interface StepResult {
  state: SessionState;
  actions: SessionAction[];
}

export const initialSession = (): SessionState => ({ status: 'offline', rights: 'unknown', attempt: 0, wanted: false });

const isModerator = (affiliation: string | undefined) => affiliation === 'owner' || affiliation === 'admin';

const same = (state: SessionState): StepResult => ({ state, actions: [] });

export function step(state: SessionState, event: SessionEvent, ctx: StepContext): StepResult {
  const { status } = state;
  const inRoom = status === 'joining' || status === 'subscribed' || status === 'live';
  switch (event.type) {
    case 'connect': {
      if (status !== 'offline') return same({ ...state, wanted: true });
      return {
        state: { status: 'connecting', rights: state.rights, attempt: 0, wanted: true },
        actions: [{ type: 'cancel-retry' }, { type: 'open' }],
      };
    }
    case 'retry': {
      if (status !== 'offline' || !state.wanted || state.retryAt === undefined) return same(state);
      // the problem stays on show (without its retry time) until the session is live again
      const { retryAt: _r, problem, ...rest } = state;
      const next: SessionState = { ...rest, status: 'connecting' };
      if (problem) next.problem = { code: problem.code, ...detail(problem.detail) };
      return { state: next, actions: [{ type: 'open' }] };
    }
    case 'stop':
      return { state: { status: 'offline', rights: state.rights, attempt: 0, wanted: false }, actions: release(state) };
    case 'connected':
      return status === 'connecting' ? same({ ...state, status: 'authenticating' }) : same(state);
    case 'authenticated':
      if (status !== 'connecting' && status !== 'authenticating') return same(state);
      return { state: withoutAffiliation({ ...state, status: 'joining' }), actions: [{ type: 'join' }] };
    case 'auth-failed':
      if (!state.wanted) return same(state);
      return giveUp(state, { code: event.code ?? 'auth', ...detail(event.detail) });
    case 'joined': {
      if (!inRoom) return same(state);
      const was = isModerator(state.affiliation);
      const now = isModerator(event.affiliation);
      const next: SessionState = { ...state, affiliation: event.affiliation, rights: now ? 'moderator' : 'none' };
      if (now) {
        if (was) return same(next);
        // newly moderator (just joined, or promoted): the server only lets us subscribe now
        const { problem: _p, ...rest } = next;
        return { state: { ...rest, status: 'joining' }, actions: [{ type: 'subscribe' }] };
      }
      // not (or no longer) owner/admin: the server dropped any subscription; stay in the room to see a promotion
      return same({ ...next, status: 'joining', attempt: 0, problem: { code: 'forbidden' } });
    }
    case 'subscribed':
      return status === 'joining' && isModerator(state.affiliation)
        ? { state: { ...state, status: 'subscribed' }, actions: [{ type: 'fetch' }] }
        : same(state);
    case 'fetched': {
      if (status !== 'subscribed') return same(state);
      const { problem: _p, ...rest } = state;
      return same({ ...rest, status: 'live', attempt: 0 });
    }
    case 'forbidden': {
      if (!inRoom) return same(state);
      // forget the affiliation so that our next own presence as owner/admin subscribes again
      return same({
        ...withoutAffiliation(state),
        status: 'joining',
        rights: 'none',
        attempt: 0,
        problem: { code: 'forbidden', ...detail(event.detail) },
      });
    }
    case 'room-gone': {
      if (!state.wanted) return same(state);
      return giveUp(state, { code: 'no-room', ...detail(event.detail) });
    }
    case 'disconnected': {
      if (!state.wanted || (status === 'offline' && state.retryAt !== undefined)) return same(state);
      const attempt = state.attempt + 1;
      const delay = retryDelay(attempt, ctx.random);
      const retryAt = ctx.now + delay;
      return {
        state: {
          status: 'offline',
          rights: state.rights,
          attempt,
          wanted: true,
          retryAt,
          problem: { code: 'network', ...detail(event.reason), retryAt },
        },
        actions: [{ type: 'schedule-retry', delay }],
      };
    }
  }
}

const detail = (d: string | undefined) => (d ? { detail: d } : {});

function withoutAffiliation(state: SessionState): SessionState {
  const { affiliation: _a, ...rest } = state;
  return rest;
}

/** A failure retrying cannot fix: offline until the user (or new credentials) sends `connect`. */
function giveUp(state: SessionState, problem: Problem): StepResult {
  return { state: { status: 'offline', rights: state.rights, attempt: 0, wanted: false, problem }, actions: release(state) };
}

/** Cancels any retry, leaves the room if in it, lets go of the connection if holding it. */
function release(state: SessionState): SessionAction[] {
  const actions: SessionAction[] = [{ type: 'cancel-retry' }];
  if (state.status === 'joining' || state.status === 'subscribed' || state.status === 'live') actions.push({ type: 'leave' });
  if (state.status !== 'offline') actions.push({ type: 'close' });
  return actions;
}

export const RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 60_000;

/**
 * Delay before retry number `attempt` (1 = first retry): exponential from 1 s,
 * capped at 60 s, with "equal jitter" (between half and all of that), so that
 * many clients cut off together do not all come back in the same second, and
 * no retry is ever immediate.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const n = Number.isFinite(attempt) && attempt >= 1 ? Math.floor(attempt) : 1;
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (n - 1));
  const r = Math.min(1, Math.max(0, random() || 0)); // NaN counts as 0
  return Math.round(ceiling / 2 + (r * ceiling) / 2);
}
