import { describe, expect, test } from 'vitest';
import {
  RETRY_CAP_MS, initialSession, retryDelay, step, type SessionAction, type SessionEvent, type SessionState,
} from '../../../src/core/session';

const ctx = { now: 1_000_000, random: () => 0.5 };
const types = (actions: SessionAction[]) => actions.map((a) => a.type);

/** Runs events from a state; returns the final state and every action, in order. */
function run(events: SessionEvent[], from: SessionState = initialSession()) {
  let state = from;
  const actions: SessionAction[] = [];
  for (const e of events) {
    const r = step(state, e, ctx);
    state = r.state;
    actions.push(...r.actions);
  }
  return { state, actions };
}

const toLive: SessionEvent[] = [
  { type: 'connect' },
  { type: 'connected' },
  { type: 'authenticated' },
  { type: 'joined', affiliation: 'owner' },
  { type: 'subscribed' },
  { type: 'fetched' },
];
const live = () => run(toLive).state;

describe('the way to live', () => {
  test('each step asks for the next request', () => {
    let s = initialSession();
    const seen: [string, string[]][] = [];
    for (const e of toLive) {
      const r = step(s, e, ctx);
      s = r.state;
      seen.push([s.status, types(r.actions)]);
    }
    expect(seen).toEqual([
      ['connecting', ['cancel-retry', 'open']],
      ['authenticating', []],
      ['joining', ['join']],
      ['joining', ['subscribe']],
      ['subscribed', ['fetch']],
      ['live', []],
    ]);
    expect(s).toMatchObject({ rights: 'moderator', affiliation: 'owner', attempt: 0, wanted: true });
    expect(s.problem).toBeUndefined();
  });

  test('admin is enough; a repeated own presence does not subscribe again', () => {
    const r = run([...toLive.slice(0, 3), { type: 'joined', affiliation: 'admin' }, { type: 'joined', affiliation: 'admin' }]);
    expect(types(r.actions).filter((t) => t === 'subscribe')).toHaveLength(1);
  });

  test('authenticated straight from connecting (connection already up)', () => {
    expect(run([{ type: 'connect' }, { type: 'authenticated' }]).state.status).toBe('joining');
  });

  test('events out of place change nothing', () => {
    const connecting = run([{ type: 'connect' }]).state;
    for (const e of [{ type: 'subscribed' }, { type: 'fetched' }, { type: 'joined', affiliation: 'owner' }, { type: 'retry' }] as SessionEvent[]) {
      expect(step(connecting, e, ctx)).toEqual({ state: connecting, actions: [] });
    }
    const l = live();
    for (const e of [{ type: 'connected' }, { type: 'authenticated' }, { type: 'subscribed' }, { type: 'fetched' }] as SessionEvent[]) {
      expect(step(l, e, ctx)).toEqual({ state: l, actions: [] });
    }
  });

  test('connect while already on the way does nothing more', () => {
    const connecting = run([{ type: 'connect' }]).state;
    expect(step(connecting, { type: 'connect' }, ctx).actions).toEqual([]);
  });
});

describe('rights', () => {
  test('not owner or admin: forbidden, no subscription, no retry, still in the room', () => {
    const r = run([...toLive.slice(0, 3), { type: 'joined', affiliation: 'member' }]);
    expect(r.state).toMatchObject({ status: 'joining', rights: 'none', problem: { code: 'forbidden' }, wanted: true });
    expect(types(r.actions)).not.toContain('subscribe');
    expect(types(r.actions)).not.toContain('schedule-retry');
  });

  test('promoted later (a new own presence): subscribes then', () => {
    const member = run([...toLive.slice(0, 3), { type: 'joined', affiliation: 'member' }]).state;
    const r = step(member, { type: 'joined', affiliation: 'admin' }, ctx);
    expect(types(r.actions)).toEqual(['subscribe']);
    expect(r.state.problem).toBeUndefined();
    expect(r.state.rights).toBe('moderator');
  });

  test('demoted while live: back to joining, forbidden; promoted again: subscribes again', () => {
    const demoted = step(live(), { type: 'joined', affiliation: 'member' }, ctx);
    expect(demoted.state).toMatchObject({ status: 'joining', rights: 'none', problem: { code: 'forbidden' } });
    expect(demoted.actions).toEqual([]);
    const back = run([{ type: 'joined', affiliation: 'owner' }, { type: 'subscribed' }, { type: 'fetched' }], demoted.state);
    expect(types(back.actions)).toEqual(['subscribe', 'fetch']);
    expect(back.state.status).toBe('live');
  });

  test('the server refuses the subscription: forbidden without retry; a later own presence as owner tries again', () => {
    const refused = run([...toLive.slice(0, 4), { type: 'forbidden', detail: 'auth/forbidden' }]);
    expect(refused.state).toMatchObject({ status: 'joining', rights: 'none', problem: { code: 'forbidden', detail: 'auth/forbidden' } });
    expect(types(refused.actions)).not.toContain('schedule-retry');
    expect(types(step(refused.state, { type: 'joined', affiliation: 'owner' }, ctx).actions)).toEqual(['subscribe']);
  });
});

describe('failures only the user can fix never retry', () => {
  test('refused credentials', () => {
    const r = run([{ type: 'connect' }, { type: 'connected' }, { type: 'auth-failed', detail: 'not-authorized' }]);
    expect(r.state).toMatchObject({ status: 'offline', wanted: false, problem: { code: 'auth', detail: 'not-authorized' } });
    expect(types(r.actions)).toEqual(['cancel-retry', 'open', 'cancel-retry', 'close']);
    // the dropped connection that follows does not schedule anything
    expect(step(r.state, { type: 'disconnected' }, ctx)).toEqual({ state: r.state, actions: [] });
    expect(step(r.state, { type: 'retry' }, ctx)).toEqual({ state: r.state, actions: [] });
  });

  test('PeerTube user not logged in', () => {
    const r = run([{ type: 'connect' }, { type: 'auth-failed', code: 'not-logged-in' }]);
    expect(r.state.problem).toEqual({ code: 'not-logged-in' });
  });

  test('new credentials (connect) start again from scratch', () => {
    const failed = run([{ type: 'connect' }, { type: 'auth-failed' }]).state;
    const r = step(failed, { type: 'connect' }, ctx);
    expect(r.state).toMatchObject({ status: 'connecting', wanted: true, attempt: 0 });
    expect(r.state.problem).toBeUndefined();
    expect(types(r.actions)).toEqual(['cancel-retry', 'open']);
  });

  test('the room is gone', () => {
    const r = step(live(), { type: 'room-gone', detail: 'destroyed' }, ctx);
    expect(r.state).toMatchObject({ status: 'offline', wanted: false, problem: { code: 'no-room', detail: 'destroyed' } });
    expect(types(r.actions)).toEqual(['cancel-retry', 'leave', 'close']);
    expect(step(r.state, { type: 'disconnected' }, ctx).actions).toEqual([]);
  });
});

describe('network trouble retries with back-off', () => {
  test('a drop while live schedules a retry, shown with its time', () => {
    const r = step(live(), { type: 'disconnected', reason: 'ping timeout' }, ctx);
    const delay = retryDelay(1, ctx.random);
    expect(r.actions).toEqual([{ type: 'schedule-retry', delay }]);
    expect(r.state).toMatchObject({
      status: 'offline', wanted: true, attempt: 1, retryAt: ctx.now + delay,
      problem: { code: 'network', detail: 'ping timeout', retryAt: ctx.now + delay },
    });
    expect(r.state.rights).toBe('moderator'); // still known, for a read-only view meanwhile
  });

  test('the retry reconnects; the problem stays until live again; success resets the back-off', () => {
    const dropped = step(live(), { type: 'disconnected' }, ctx).state;
    const retrying = step(dropped, { type: 'retry' }, ctx);
    expect(types(retrying.actions)).toEqual(['open']);
    expect(retrying.state).toMatchObject({ status: 'connecting', problem: { code: 'network' } });
    expect(retrying.state.problem?.retryAt).toBeUndefined();
    expect(retrying.state.retryAt).toBeUndefined();
    const back = run(toLive.slice(1), retrying.state).state;
    expect(back).toMatchObject({ status: 'live', attempt: 0 });
    expect(back.problem).toBeUndefined();
  });

  test('failing again and again: growing delays, never above the cap', () => {
    let s = live();
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = step(s, { type: 'disconnected' }, { now: 0, random: () => 0.999 });
      const scheduled = r.actions.find((a) => a.type === 'schedule-retry');
      delays.push(scheduled && 'delay' in scheduled ? scheduled.delay : -1);
      s = step(r.state, { type: 'retry' }, ctx).state; // reconnecting, fails again
    }
    expect(delays.slice(0, 7)).toEqual([1000, 1999, 3998, 7996, 15992, 31984, 59970]);
    expect(delays.every((d) => d >= 500 && d <= RETRY_CAP_MS)).toBe(true);
    expect(s.attempt).toBe(12);
  });

  test('a second drop report while a retry is pending schedules nothing more', () => {
    const dropped = step(live(), { type: 'disconnected' }, ctx).state;
    expect(step(dropped, { type: 'disconnected' }, ctx)).toEqual({ state: dropped, actions: [] });
  });

  test('connect while waiting for a retry retries at once', () => {
    const dropped = step(live(), { type: 'disconnected' }, ctx).state;
    expect(types(step(dropped, { type: 'connect' }, ctx).actions)).toEqual(['cancel-retry', 'open']);
  });
});

describe('stop', () => {
  test('leaves, closes, cancels retries, and stays down', () => {
    const r = step(live(), { type: 'stop' }, ctx);
    expect(types(r.actions)).toEqual(['cancel-retry', 'leave', 'close']);
    expect(r.state).toMatchObject({ status: 'offline', wanted: false });
    expect(r.state.problem).toBeUndefined();
    expect(step(r.state, { type: 'disconnected' }, ctx).actions).toEqual([]);
  });

  test('stop while a retry is pending only cancels it', () => {
    const dropped = step(live(), { type: 'disconnected' }, ctx).state;
    expect(types(step(dropped, { type: 'stop' }, ctx).actions)).toEqual(['cancel-retry']);
  });
});

describe('retryDelay', () => {
  test('between half and all of 1 s × 2^(attempt-1), capped at 60 s', () => {
    expect(retryDelay(1, () => 0)).toBe(500);
    expect(retryDelay(1, () => 1)).toBe(1000);
    expect(retryDelay(3, () => 0)).toBe(2000);
    expect(retryDelay(3, () => 1)).toBe(4000);
    expect(retryDelay(7, () => 1)).toBe(60_000);
    expect(retryDelay(50, () => 0)).toBe(30_000);
    expect(retryDelay(10_000, () => 1)).toBe(60_000);
  });

  test('jitter spreads retries', () => {
    const values = new Set([0, 0.25, 0.5, 0.75].map((r) => retryDelay(4, () => r)));
    expect(values.size).toBe(4);
  });

  test('odd inputs still give a delay within bounds, never 0', () => {
    for (const attempt of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2.5]) {
      for (const r of [0, 0.5, 1, -3, 7, Number.NaN]) {
        const d = retryDelay(attempt, () => r);
        expect(d).toBeGreaterThanOrEqual(500);
        expect(d).toBeLessThanOrEqual(RETRY_CAP_MS);
      }
    }
  });

  test('uses Math.random by default and stays in bounds', () => {
    for (let i = 0; i < 100; i++) {
      const d = retryDelay(6);
      expect(d).toBeGreaterThanOrEqual(16_000);
      expect(d).toBeLessThanOrEqual(32_000);
    }
  });
});
