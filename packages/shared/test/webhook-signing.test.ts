import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { endpointProblem, isPrivateAddress, signWebhook } from '@c360/shared';

/** A receiver written from the Standard Webhooks specification, not from the library the sender uses. */
function verifiesWith(secret: string, headers: Record<string, string>, body: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`).digest();
  return headers['webhook-signature'].split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    const given = Buffer.from(signature ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

describe('Standard Webhooks signing', () => {
  const body = JSON.stringify({ id: 'c0ffee00-0000-4000-8000-000000000001', type: 'consent.withdrawn', payload: {} });
  const id = 'c0ffee00-0000-4000-8000-000000000001';

  it('signs id.timestamp.body with HMAC-SHA256 under the secret, with the spec headers', () => {
    const secret = newSecret();
    const now = new Date('2026-11-30T20:00:00Z');
    const headers = signWebhook({ current: secret }, id, body, now);
    expect(headers).toMatchObject({ 'webhook-id': id, 'webhook-timestamp': String(now.getTime() / 1000) });
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verifiesWith(secret, headers, body)).toBe(true);
    expect(verifiesWith(newSecret(), headers, body)).toBe(false);
    expect(verifiesWith(secret, headers, body.replace('withdrawn', 'granted'))).toBe(false);
    expect(verifiesWith(secret, { ...headers, 'webhook-timestamp': String(now.getTime() / 1000 + 1) }, body)).toBe(false);
  });

  it('during a rotation signs with both secrets until the overlap ends, then with the new one only', () => {
    const [previous, current] = [newSecret(), newSecret()];
    const until = new Date('2026-12-01T00:00:00Z');
    const during = signWebhook({ current, previous, previousUntil: until }, id, body, new Date('2026-11-30T23:00:00Z'));
    expect(during['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifiesWith(previous, during, body)).toBe(true);
    expect(verifiesWith(current, during, body)).toBe(true);
    const after = signWebhook({ current, previous, previousUntil: until }, id, body, new Date('2026-12-01T00:00:01Z'));
    expect(verifiesWith(previous, after, body)).toBe(false);
    expect(verifiesWith(current, after, body)).toBe(true);
  });

  it('refuses private, loopback and plain-http endpoints unless development allows them', () => {
    for (const url of ['http://partner.example/hook', 'https://127.0.0.1/hook', 'https://10.1.2.3/h', 'https://192.168.0.9/h', 'https://172.20.0.1/h', 'https://169.254.169.254/latest', 'https://[::1]/h', 'https://[fd00::1]/h', 'https://localhost/h', 'https://user:pw@partner.example/h', 'not a url']) {
      expect({ url, problem: endpointProblem(url, { allowPrivate: false }) }).toEqual({ url, problem: expect.any(String) });
    }
    expect(endpointProblem('https://hooks.partner.example/c360', { allowPrivate: false })).toBeNull();
    // What a name may resolve to (checked when connecting): IPv4 inside IPv6 is judged as the IPv4 address.
    for (const address of ['127.0.0.1', '0.0.0.0', '100.64.0.1', '192.0.0.8', '198.18.0.1', '224.0.0.1', '::', '::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '64:ff9b::a00:1', '2002:c0a8:101::1', 'fe80::1', 'fec0::1', 'fd12::1', 'ff02::1', 'not-an-address',
      // Documentation ranges, SIIT-translated and NAT64 local-use forms, Teredo (tunnels to any IPv4 address).
      '192.0.2.1', '198.51.100.7', '203.0.113.7', '192.88.99.1', '::ffff:0:127.0.0.1', '::ffff:0:a00:1', '64:ff9b:1::a00:1', '2001::5efe:7f00:1', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '3fff::1', '2001:2::1']) {
      expect({ address, private: isPrivateAddress(address) }).toEqual({ address, private: true });
    }
    for (const address of ['93.184.215.14', '1.1.1.1', '2606:4700::1111', '::ffff:0:5db8:d70e', '2001:4860:4860::8888', '3ff0::1', '3fff:1000::1', '::ffff:93.184.215.14', '64:ff9b::5db8:d70e']) expect({ address, private: isPrivateAddress(address) }).toEqual({ address, private: false });
    expect(endpointProblem('http://127.0.0.1:8080/hook', { allowPrivate: true })).toBeNull();
  });
});
