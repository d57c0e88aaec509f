// An alarm about every 20 s that lets the engine ping and reconnect. The
// engine's own ping traffic keeps Chrome's worker awake (WebSocket messages
// count there); Firefox suspends its event page after 30 s whatever the
// socket does, and only an alarm wakes it. Chrome refuses periods under 30 s
// for packed extensions, so each browser gets the shortest it accepts.
export const KEEPALIVE_ALARM = 'keepalive';

export interface AlarmsLike {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): void | Promise<void>;
}

export const keepalivePeriodMinutes = (firefox: boolean) => (firefox ? 1 / 3 : 0.5);

/** Creates the alarm unless it already runs with that period (re-creating would push its next firing back). */
export async function scheduleKeepalive(alarms: AlarmsLike, periodInMinutes: number): Promise<void> {
  const existing = await alarms.get(KEEPALIVE_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await alarms.create(KEEPALIVE_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}
