import { round3 } from '../load/stats';

export interface TargetCheck {
  id: string;
  what: string;
  /** null when not measured. */
  value: number | null;
  target: string;
  status: 'PASS' | 'MISS' | 'NOT MEASURED' | 'INFO';
  detail: string;
}

/** value must be >= bound (higher is better) or <= bound (lower is better). */
export function checkBound(id: string, what: string, value: number | null, bound: number, direction: 'atLeast' | 'atMost', notMeasured?: string): TargetCheck {
  const target = `${direction === 'atLeast' ? '≥' : '≤'} ${bound}`;
  if (value === null || !Number.isFinite(value)) return { id, what, value: null, target, status: 'NOT MEASURED', detail: notMeasured ?? 'not measured' };
  const pass = direction === 'atLeast' ? value >= bound : value <= bound;
  const margin = direction === 'atLeast' ? value - bound : bound - value;
  const percent = Math.abs((margin / bound) * 100).toFixed(1);
  const detail = pass ? `margin ${round3(margin)} (${percent}% inside the target)` : `missed by ${round3(-margin)} (${percent}% outside the target)`;
  return { id, what, value: round3(value), target, status: pass ? 'PASS' : 'MISS', detail };
}

export function checkStatements(counts: { first: number; total: number }[], bound: number): TargetCheck {
  const totals = counts.map((c) => c.total);
  const worst = Math.max(...totals);
  const equal = totals.every((t) => t === totals[0]);
  const sizes = counts.map((c) => `${c.total} at first=${c.first}`).join(', ');
  const pass = equal && worst <= bound;
  const detail = pass ? `${sizes}; margin ${bound - worst}` : `${sizes}: ${!equal ? 'grows with the page size' : ''}${!equal && worst > bound ? ' and ' : ''}${worst > bound ? `${worst - bound} over the bound` : ''}`;
  return { id: 'R3', what: 'SQL statements per customer-360 page (first=10 and first=50)', value: worst, target: `≤ ${bound} and equal`, status: pass ? 'PASS' : 'MISS', detail };
}

/** A ratio reported without a target. */
export const informational = (id: string, what: string, value: number): TargetCheck => ({ id, what, value: round3(value), target: 'none', status: 'INFO', detail: 'no target; context for R1' });
