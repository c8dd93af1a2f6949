import { badInput } from '../../errors/domain-error';

const DAY_MS = 86_400_000;

const isWholeUtcDay = (at: Date) => at.getTime() % DAY_MS === 0;

/**
 * Aggregate windows are whole UTC days: a window edge inside a day would let two adjacent
 * windows difference out one order. Refused, not rounded, so a client never gets figures for a
 * window other than the one it asked for.
 */
export function assertWholeDayWindow(from: Date | null, to: Date | null): void {
  for (const [argument, at] of [['from', from], ['to', to]] as const) {
    if (at && !isWholeUtcDay(at)) throw badInput(`"${argument}" must be midnight UTC (aggregate windows are whole days)`, { argument, rule: 'WHOLE_UTC_DAY' });
  }
  if (from && to && from.getTime() >= to.getTime()) throw badInput('"from" must be before "to" (a window is at least one whole day)', { argument: 'from', rule: 'WINDOW_ORDER' });
}

/** The next UTC midnight after `now`: when a daily budget starts over. */
export const nextUtcMidnight = (now: Date) => new Date((Math.floor(now.getTime() / DAY_MS) + 1) * DAY_MS);

/** The UTC day of `now` as YYYY-MM-DD: the budget's period key. */
export const utcDay = (now: Date) => now.toISOString().slice(0, 10);
