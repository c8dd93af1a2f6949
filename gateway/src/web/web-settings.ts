import { setting } from '@c360/shared';
import { parseStaffRoleMappings, type StaffRoleMapping } from './staff-roles';

/** The browser apps' sign-in: OpenID Connect providers (authorization code + PKCE) for customers and for staff. */
export const webSettings = {
  WEB_DIR: setting.string({ optional: true }),
  PRIVACY_OIDC_ISSUER: setting.url({ protocols: ['https', 'http'], optional: true }),
  PRIVACY_OIDC_CLIENT_ID: setting.string({ optional: true }),
  PRIVACY_OIDC_REDIRECT_URI: setting.url({ protocols: ['https', 'http'], optional: true }),
  PRIVACY_OIDC_SCOPE: setting.requiredString({ default: 'openid' }),
  /** The external-id system under which a customer's OIDC subject is recorded (customerByExternalId). */
  PRIVACY_OIDC_SUBJECT_SYSTEM: setting.requiredString({ default: 'oidc' }),
  CONSOLE_OIDC_ISSUER: setting.url({ protocols: ['https', 'http'], optional: true }),
  CONSOLE_OIDC_CLIENT_ID: setting.string({ optional: true }),
  CONSOLE_OIDC_REDIRECT_URI: setting.url({ protocols: ['https', 'http'], optional: true }),
  CONSOLE_OIDC_SCOPE: setting.requiredString({ default: 'openid' }),
  /** The ID token claim listing the staff member's roles (a string or an array of strings). */
  CONSOLE_OIDC_ROLE_CLAIM: setting.requiredString({ default: 'roles' }),
  /** idp-role=ROLE:PURPOSE pairs, comma-separated, first match wins, e.g. crm-marketing=AGENT:MARKETING,crm-dpo=PRIVACY_OFFICER:SERVICE */
  CONSOLE_OIDC_ROLES: setting.string({ optional: true }),
  /** Private JWK (file) the gateway signs sign-in tokens with; its public half must be in AUTH_JWKS_*. */
  WEB_SIGN_IN_KEY_PATH: setting.string({ optional: true }),
};

/** What the browser needs to run the flow (served in /web/config.json). */
export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  redirectUri: string;
  scope: string;
}

export interface PrivacyOidcSettings extends OidcClientSettings {
  subjectSystem: string;
}

export interface ConsoleOidcSettings extends OidcClientSettings {
  roleClaim: string;
  roles: StaffRoleMapping[];
}

export interface WebSignInSettings {
  oidc?: PrivacyOidcSettings;
  consoleOidc?: ConsoleOidcSettings;
  signInKeyPath?: string;
}

type WebEnv = { [K in keyof typeof webSettings]: K extends 'PRIVACY_OIDC_SCOPE' | 'PRIVACY_OIDC_SUBJECT_SYSTEM' | 'CONSOLE_OIDC_SCOPE' | 'CONSOLE_OIDC_ROLE_CLAIM' ? string : string | undefined };

function client(
  prefix: string,
  issuer: string | undefined,
  clientId: string | undefined,
  redirectUri: string | undefined,
  scope: string,
  production: boolean,
  problems: string[],
): OidcClientSettings | undefined {
  const given = [issuer, clientId, redirectUri].filter(Boolean).length;
  if (given === 0) return undefined;
  if (given < 3) return (problems.push(`set ${prefix}_OIDC_ISSUER, ${prefix}_OIDC_CLIENT_ID and ${prefix}_OIDC_REDIRECT_URI together`), undefined);
  if (production && !issuer!.startsWith('https:')) problems.push(`${prefix}_OIDC_ISSUER must be https in production`);
  if (production && !redirectUri!.startsWith('https:')) problems.push(`${prefix}_OIDC_REDIRECT_URI must be https in production`);
  return { issuer: issuer!, clientId: clientId!, redirectUri: redirectUri!, scope };
}

/** Each client: all three variables or none; production needs https and a sign-in key. Returns the problems found. */
export function readOidcSettings(c: Partial<WebEnv> & Pick<WebEnv, 'PRIVACY_OIDC_SCOPE'>, production: boolean): WebSignInSettings & { problems: string[] } {
  const problems: string[] = [];
  const privacy = client('PRIVACY', c.PRIVACY_OIDC_ISSUER, c.PRIVACY_OIDC_CLIENT_ID, c.PRIVACY_OIDC_REDIRECT_URI, c.PRIVACY_OIDC_SCOPE, production, problems);
  const staff = client('CONSOLE', c.CONSOLE_OIDC_ISSUER, c.CONSOLE_OIDC_CLIENT_ID, c.CONSOLE_OIDC_REDIRECT_URI, c.CONSOLE_OIDC_SCOPE ?? 'openid', production, problems);
  let roles: StaffRoleMapping[] = [];
  if (staff) {
    const parsed = parseStaffRoleMappings(c.CONSOLE_OIDC_ROLES);
    if ('problem' in parsed) problems.push(parsed.problem);
    else roles = parsed.mappings;
  }
  if (production && (privacy || staff) && !c.WEB_SIGN_IN_KEY_PATH) problems.push('an OIDC sign-in in production needs WEB_SIGN_IN_KEY_PATH (the key the gateway signs sign-in tokens with)');
  return {
    oidc: privacy && { ...privacy, subjectSystem: c.PRIVACY_OIDC_SUBJECT_SYSTEM ?? 'oidc' },
    consoleOidc: staff && { ...staff, roleClaim: c.CONSOLE_OIDC_ROLE_CLAIM ?? 'roles', roles },
    signInKeyPath: c.WEB_SIGN_IN_KEY_PATH,
    problems,
  };
}

/** Only the fields the browser needs: role mappings and subject systems stay on the server. */
export function publicClient(settings: OidcClientSettings | undefined): OidcClientSettings | undefined {
  return settings && { issuer: settings.issuer, clientId: settings.clientId, redirectUri: settings.redirectUri, scope: settings.scope };
}
