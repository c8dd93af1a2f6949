import { setting } from '@c360/shared';

/** The browser apps' sign-in: an OpenID Connect provider (authorization code + PKCE), or none. */
export const webSettings = {
  WEB_DIR: setting.string({ optional: true }),
  PRIVACY_OIDC_ISSUER: setting.url({ protocols: ['https', 'http'], optional: true }),
  PRIVACY_OIDC_CLIENT_ID: setting.string({ optional: true }),
  PRIVACY_OIDC_REDIRECT_URI: setting.url({ protocols: ['https', 'http'], optional: true }),
  PRIVACY_OIDC_SCOPE: setting.requiredString({ default: 'openid' }),
};

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  redirectUri: string;
  scope: string;
}

/** Either all three OIDC variables or none; production needs https. Returns the problems found. */
export function readOidcSettings(
  c: { PRIVACY_OIDC_ISSUER?: string; PRIVACY_OIDC_CLIENT_ID?: string; PRIVACY_OIDC_REDIRECT_URI?: string; PRIVACY_OIDC_SCOPE: string },
  production: boolean,
): { oidc?: OidcClientSettings; problems: string[] } {
  const given = [c.PRIVACY_OIDC_ISSUER, c.PRIVACY_OIDC_CLIENT_ID, c.PRIVACY_OIDC_REDIRECT_URI].filter(Boolean).length;
  if (given === 0) return { problems: [] };
  if (given < 3) return { problems: ['set PRIVACY_OIDC_ISSUER, PRIVACY_OIDC_CLIENT_ID and PRIVACY_OIDC_REDIRECT_URI together'] };
  const problems: string[] = [];
  if (production && !c.PRIVACY_OIDC_ISSUER!.startsWith('https:')) problems.push('PRIVACY_OIDC_ISSUER must be https in production');
  if (production && !c.PRIVACY_OIDC_REDIRECT_URI!.startsWith('https:')) problems.push('PRIVACY_OIDC_REDIRECT_URI must be https in production');
  return { oidc: { issuer: c.PRIVACY_OIDC_ISSUER!, clientId: c.PRIVACY_OIDC_CLIENT_ID!, redirectUri: c.PRIVACY_OIDC_REDIRECT_URI!, scope: c.PRIVACY_OIDC_SCOPE }, problems };
}
