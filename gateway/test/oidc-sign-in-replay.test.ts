import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { oidcSignInRoutes } from '../src/web/oidc-sign-in';
import { UsedSignIns } from '../src/web/sign-in-replay';
import type { SignInLookups } from '../src/web/sign-in-lookups';
import { startTestIdentityProvider, type TestIdentityProvider } from '../../tests/support/test-identity-provider';

const CUSTOMER = '00000000-0000-4000-8000-000000000016';
const USER = { sub: 'idp-ada' };

/** A sign-in attempt as the browser makes it: a random verifier, and its SHA-256 as the nonce the provider puts in the ID token. */
const attempt = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, nonce: createHash('sha256').update(verifier).digest('base64url') };
};

describe('the OIDC exchange binds an ID token to its sign-in attempt and takes it once', () => {
  let idp: TestIdentityProvider;
  let server: Server;
  let url: string;
  const minted: unknown[] = [];

  beforeAll(async () => {
    idp = await startTestIdentityProvider();
    const lookups = { customerBySubject: async (_system: string, subject: string) => (subject === USER.sub ? CUSTOMER : undefined) } as unknown as SignInLookups;
    const routes = oidcSignInRoutes({
      privacy: { issuer: idp.issuer, clientId: 'privacy-centre', redirectUri: 'http://127.0.0.1/privacy', scope: 'openid', subjectSystem: 'oidc' },
      minter: { mint: async (claims) => (minted.push(claims), `minted-${minted.length}`) },
      lookups,
    });
    server = createServer((req, res) => void routes(req, res, new URL(req.url ?? '/', 'http://localhost')).then((handled) => handled || res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sign-in/oidc/privacy`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await idp.close();
  });

  const exchange = async (body: Record<string, unknown>) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await response.json()) as { token?: string; error?: { code: string } };
    return [response.status, json.error?.code ?? json.token] as const;
  };

  it('mints once for the attempt holding the verifier; the same ID token again is a replay', async () => {
    const { verifier, nonce } = attempt();
    const idToken = idp.idToken('privacy-centre', USER, { nonce });
    expect(await exchange({ idToken, nonceVerifier: verifier })).toEqual([200, expect.stringMatching(/^minted-/)]);
    const before = minted.length;
    expect(await exchange({ idToken, nonceVerifier: verifier })).toEqual([401, 'ID_TOKEN_REPLAYED']);
    expect(minted.length).toBe(before);
  });

  it('refuses a second ID token for the same attempt (same nonce, other jti): an authorization response is used once', async () => {
    const { verifier, nonce } = attempt();
    expect((await exchange({ idToken: idp.idToken('privacy-centre', USER, { nonce }), nonceVerifier: verifier }))[0]).toBe(200);
    expect(await exchange({ idToken: idp.idToken('privacy-centre', USER, { nonce }), nonceVerifier: verifier })).toEqual([401, 'ID_TOKEN_REPLAYED']);
  });

  it('refuses the same jti under another nonce', async () => {
    const first = attempt();
    const second = attempt();
    expect((await exchange({ idToken: idp.idToken('privacy-centre', USER, { nonce: first.nonce, jti: 'jti-once' }), nonceVerifier: first.verifier }))[0]).toBe(200);
    expect(await exchange({ idToken: idp.idToken('privacy-centre', USER, { nonce: second.nonce, jti: 'jti-once' }), nonceVerifier: second.verifier })).toEqual([401, 'ID_TOKEN_REPLAYED']);
  });

  it('mints nothing for an ID token without a nonce, without the verifier, or with another attempt’s verifier', async () => {
    const before = minted.length;
    const { verifier, nonce } = attempt();
    expect(await exchange({ idToken: idp.idToken('privacy-centre', USER), nonceVerifier: verifier })).toEqual([401, 'ID_TOKEN_INVALID']);
    expect(await exchange({ idToken: idp.idToken('privacy-centre', USER, { nonce }) })).toEqual([400, 'BAD_REQUEST']);
    expect(await exchange({ idToken: idp.idToken('privacy-centre', USER, { nonce }), nonceVerifier: attempt().verifier })).toEqual([401, 'ID_TOKEN_INVALID']);
    // None of those used the attempt up: its own holder still signs in.
    expect((await exchange({ idToken: idp.idToken('privacy-centre', USER, { nonce }), nonceVerifier: verifier }))[0]).toBe(200);
    expect(minted.length).toBe(before + 1);
  });
});

describe('used sign-ins', () => {
  it('are remembered until they expire, then forgotten', () => {
    const used = new UsedSignIns();
    used.claim(['nonce:a'], 2_000, 1_000);
    expect(() => used.claim(['nonce:a'], 3_000, 1_999)).toThrow(expect.objectContaining({ code: 'ID_TOKEN_REPLAYED' }));
    used.claim(['nonce:a'], 3_000, 2_000); // expired at 2 000: accepted again (the token itself is refused by then)
    expect(used.size).toBe(1);
  });

  it('hold at most their bound, refusing new sign-ins rather than growing', () => {
    const used = new UsedSignIns(2);
    used.claim(['nonce:a', 'jti:a'], 10_000, 0);
    expect(() => used.claim(['nonce:b'], 10_000, 0)).toThrow(expect.objectContaining({ code: 'PROVIDER_UNAVAILABLE' }));
    expect(used.size).toBe(2);
  });
});
