import { createHmac } from 'node:crypto';
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { CustomerPageDocument } from './generated/graphql';
import { postGraphQL } from './support/graphql-client';
import { startTestPlatform, type TestPlatform } from './support/test-platform';
import { CallerKind, TEST_AUDIENCE, TEST_ISSUER } from './support/test-tokens';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const claims = () => ({ client_id: 'attacker', kind: 'INTERNAL_APP', scope: 'customers:read customers.pii:read', purpose: 'SERVICE', iss: TEST_ISSUER, aud: TEST_AUDIENCE, iat: now(), exp: now() + 300 });

describe('access tokens at the gateway', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ demo: { seed: 3, customers: 5 } });
  });
  afterAll(() => platform.close());

  const ask = (authorization?: string) =>
    postGraphQL(platform.gatewayUrl, CustomerPageDocument, { first: 5 }, authorization === undefined ? {} : { authorization });

  const expectRejected = async (authorization: string | undefined, reason: RegExp) => {
    const response = await ask(authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0].message).toMatch(reason);
  };

  it('accepts a valid token and returns data', async () => {
    const response = await ask(`Bearer ${await platform.tokens.token(CallerKind.INTERNAL_APP)}`);
    expect(response.status).toBe(200);
    expect(response.data?.customers?.edges).toHaveLength(5);
  });

  it('rejects a request without a token', () => expectRejected(undefined, /no bearer token/));

  it('rejects a malformed Authorization header', () => expectRejected('Basic dXNlcjpwYXNz', /not "Bearer <token>"/));

  it('rejects an expired token', async () => {
    const token = await new SignJWT({ ...claims(), iat: now() - 7200, exp: now() - 3600 })
      .setProtectedHeader({ alg: 'ES256', kid: platform.tokens.privateJwk.kid })
      .sign(await importPrivate(platform));
    await expectRejected(`Bearer ${token}`, /expired/);
  });

  it('rejects alg "none"', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
    await expectRejected(`Bearer ${token}`, /.+/);
  });

  it('rejects a token for another audience', async () => {
    await expectRejected(`Bearer ${await platform.tokens.token(CallerKind.INTERNAL_APP, { aud: 'urn:someone-else' })}`, /aud/);
  });

  it('rejects a token from another issuer', async () => {
    await expectRejected(`Bearer ${await platform.tokens.token(CallerKind.INTERNAL_APP, { iss: 'urn:evil-issuer' })}`, /iss/);
  });

  it('rejects a token signed by an unknown key id', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid: 'unknown-kid' }).sign(privateKey);
    await expectRejected(`Bearer ${token}`, /kid/);
  });

  it('rejects a token signed by another key under our key id', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid: platform.tokens.privateJwk.kid }).sign(privateKey);
    await expectRejected(`Bearer ${token}`, /signature/);
  });

  it('rejects an HMAC token "signed" with the public key (algorithm confusion)', async () => {
    const header = b64({ alg: 'HS256', typ: 'JWT', kid: platform.tokens.publicJwk.kid });
    const body = b64(claims());
    const signature = createHmac('sha256', JSON.stringify(platform.tokens.publicJwk)).update(`${header}.${body}`).digest('base64url');
    await expectRejected(`Bearer ${header}.${body}.${signature}`, /algorithm/);
  });

  it('rejects a token whose caller claims are incomplete', async () => {
    await expectRejected(`Bearer ${await platform.tokens.token(CallerKind.PARTNER, { partner_id: undefined })}`, /partner_id/);
    await expectRejected(`Bearer ${await platform.tokens.token(CallerKind.CUSTOMER, { customer_id: 'not-a-uuid' })}`, /customer_id/);
  });
});

function importPrivate(platform: TestPlatform) {
  return importJWK(platform.tokens.privateJwk, 'ES256');
}

