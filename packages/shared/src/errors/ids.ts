import { badInput } from './domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

/** Rejects malformed ids up front, so they never reach SQL as a cast error. */
export function assertUuid(value: string, argument = 'id'): string {
  if (!isUuid(value)) throw badInput(`"${argument}" must be a UUID`, { argument });
  return value.toLowerCase();
}
