import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The switch the lead plans for R7: CONSENT_ENFORCEMENT=off, read by the gateway and/or the subgraphs. */
export const CONSENT_SWITCH = { name: 'CONSENT_ENFORCEMENT', off: 'off' } as const;

function mentions(dir: string, needle: string): boolean {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return false;
  }
  return entries.some((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry !== 'test' && mentions(path, needle);
    return path.endsWith('.js') && readFileSync(path, 'utf8').includes(needle);
  });
}

/** Whether any service code reads the switch; R7 is only measured when it does (never faked). */
export function consentSwitchPresent(): boolean {
  const dist = join(__dirname, '..', '..');
  return ['gateway', 'subgraphs', join('packages', 'shared')].some((dir) => mentions(join(dist, dir), CONSENT_SWITCH.name));
}
