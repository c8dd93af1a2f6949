import { badInput } from '@c360/shared';

/** Allowed moves per status; a status missing from the map (or mapped to []) is terminal. */
export type Transitions<S extends string> = Record<S, readonly S[]>;

/** Same status is an idempotent no-op (safe retries); anything not listed is refused. */
export function assertTransition<S extends string>(what: string, transitions: Transitions<S>, from: S, to: S): void {
  if (from === to || transitions[from].includes(to)) return;
  const allowed = transitions[from];
  throw badInput(`A ${what} cannot go from ${from} to ${to}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ` (${from} is final)`}`, { field: 'status', from, to });
}
