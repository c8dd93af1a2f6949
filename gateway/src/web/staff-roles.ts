import { CallerKind, SCOPES } from '@c360/shared';
import { DEFAULT_SCOPES } from '../auth/caller-claims';

/**
 * What a signed-in staff member may do: AGENT works with customers, campaigns and segments;
 * PRIVACY_OFFICER also administers privacy (disclosure ledgers, subject requests).
 */
export const STAFF_ROLES = {
  AGENT: DEFAULT_SCOPES[CallerKind.INTERNAL_APP],
  PRIVACY_OFFICER: `${DEFAULT_SCOPES[CallerKind.INTERNAL_APP]} ${SCOPES.PRIVACY_ADMIN}`,
} as const;

export type StaffRole = keyof typeof STAFF_ROLES;

export const isStaffRole = (value: unknown): value is StaffRole => typeof value === 'string' && Object.hasOwn(STAFF_ROLES, value);

/** An identity provider's role, and the console role and declared purpose it signs in with. */
export interface StaffRoleMapping {
  idpRole: string;
  role: StaffRole;
  purpose: string;
}

const PURPOSE_CODE = /^[A-Z][A-Z_]{1,63}$/;

/** "crm-marketing=AGENT:MARKETING,crm-dpo=PRIVACY_OFFICER:SERVICE" (order kept: first match wins). */
export function parseStaffRoleMappings(raw: string | undefined): { mappings: StaffRoleMapping[] } | { problem: string } {
  const entries = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return { problem: 'CONSOLE_OIDC_ROLES must map at least one identity-provider role, e.g. crm-marketing=AGENT:MARKETING' };
  const mappings: StaffRoleMapping[] = [];
  for (const entry of entries) {
    const match = /^([^=\s]+)=([A-Z_]+):([A-Z_]+)$/.exec(entry);
    if (!match || !isStaffRole(match[2]) || !PURPOSE_CODE.test(match[3])) {
      return { problem: `CONSOLE_OIDC_ROLES: each entry is idp-role=ROLE:PURPOSE with ROLE one of ${Object.keys(STAFF_ROLES).join(', ')}` };
    }
    mappings.push({ idpRole: match[1], role: match[2], purpose: match[3] });
  }
  return { mappings };
}

/** The first mapping whose identity-provider role the staff member holds. */
export function mappedStaffRole(mappings: readonly StaffRoleMapping[], claim: unknown): StaffRoleMapping | undefined {
  const held = Array.isArray(claim) ? claim.filter((r): r is string => typeof r === 'string') : typeof claim === 'string' ? claim.split(' ') : [];
  return mappings.find((m) => held.includes(m.idpRole));
}
