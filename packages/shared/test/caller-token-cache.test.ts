import { CallerKind, reusableCallerToken, signCallerToken, verifyCallerTokenOnce, type Caller } from '@c360/shared';

const KEY = 'caller-token-cache-test-key';
const NOW = 1_800_000_000_000;
const agent: Caller = { clientId: 'agent-app', kind: CallerKind.INTERNAL_APP, scopes: ['customers:read', 'customers.pii:read'], purpose: 'SERVICE' };

describe('reusableCallerToken', () => {
  it('hands out the same token for the same caller and audience while 30 s of its life are left', () => {
    const first = reusableCallerToken(KEY, agent, 'customers', NOW);
    expect(reusableCallerToken(KEY, { ...agent, scopes: [...agent.scopes] }, 'customers', NOW + 29_000)).toBe(first);
    expect(reusableCallerToken(KEY, agent, 'customers', NOW + 31_000)).not.toBe(first);
  });

  it('never hands one caller or audience a token signed for another', () => {
    const token = reusableCallerToken(KEY, agent, 'customers', NOW);
    expect(reusableCallerToken(KEY, agent, 'offers', NOW)).not.toBe(token);
    expect(reusableCallerToken(KEY, { ...agent, purpose: 'MARKETING' }, 'customers', NOW)).not.toBe(token);
    expect(reusableCallerToken(KEY, { ...agent, scopes: ['customers:read'] }, 'customers', NOW)).not.toBe(token);
    expect(reusableCallerToken('another-key', agent, 'customers', NOW)).not.toBe(token);
  });

  it('reuses only tokens that verify as the caller, for the audience', () => {
    const token = reusableCallerToken(KEY, agent, 'consent', NOW);
    reusableCallerToken(KEY, agent, 'consent', NOW + 20_000);
    expect(verifyCallerTokenOnce(KEY, reusableCallerToken(KEY, agent, 'consent', NOW + 20_000), 'consent', NOW + 20_000)).toEqual({ ok: true, caller: agent });
    expect(reusableCallerToken(KEY, agent, 'consent', NOW + 20_000)).toBe(token);
  });
});

describe('verifyCallerTokenOnce', () => {
  it('answers like verifyCallerToken for a good token, again and again', () => {
    const token = signCallerToken(KEY, agent, 'transactions', NOW);
    expect(verifyCallerTokenOnce(KEY, token, 'transactions', NOW)).toEqual({ ok: true, caller: agent });
    expect(verifyCallerTokenOnce(KEY, token, 'transactions', NOW + 1_000)).toEqual({ ok: true, caller: agent });
  });

  it('still refuses a remembered token for another audience, or once expired', () => {
    const token = signCallerToken(KEY, agent, 'transactions', NOW);
    expect(verifyCallerTokenOnce(KEY, token, 'transactions', NOW).ok).toBe(true);
    expect(verifyCallerTokenOnce(KEY, token, 'consent', NOW)).toEqual({ ok: false, reason: 'caller token is for "transactions", not "consent"' });
    expect(verifyCallerTokenOnce(KEY, token, 'transactions', NOW + 61_000)).toEqual({ ok: false, reason: 'caller token expired' });
  });

  it('still refuses a remembered token under another key', () => {
    const token = signCallerToken(KEY, agent, 'offers', NOW);
    expect(verifyCallerTokenOnce(KEY, token, 'offers', NOW).ok).toBe(true);
    expect(verifyCallerTokenOnce('another-key', token, 'offers', NOW)).toEqual({ ok: false, reason: 'bad caller token signature' });
  });

  it('refuses a forged token every time, and a missing one', () => {
    const token = signCallerToken(KEY, agent, 'offers', NOW);
    const forged = `${Buffer.from(JSON.stringify({ caller: { ...agent, scopes: ['admin'] }, aud: 'offers', exp: NOW / 1000 + 60 })).toString('base64url')}.${token.split('.')[1]}`;
    expect(verifyCallerTokenOnce(KEY, forged, 'offers', NOW).ok).toBe(false);
    expect(verifyCallerTokenOnce(KEY, forged, 'offers', NOW).ok).toBe(false);
    expect(verifyCallerTokenOnce(KEY, undefined, 'offers', NOW)).toEqual({ ok: false, reason: 'missing caller token' });
  });

  it('gives each request its own copy of the caller: changing one answer does not change the next', () => {
    const token = signCallerToken(KEY, agent, 'customers', NOW);
    const first = verifyCallerTokenOnce(KEY, token, 'customers', NOW);
    if (!first.ok) throw new Error('expected a verified caller');
    (first.caller as { purpose?: string }).purpose = 'MARKETING';
    (first.caller.scopes as string[]).push('admin');
    expect(verifyCallerTokenOnce(KEY, token, 'customers', NOW)).toEqual({ ok: true, caller: agent });
    const second = verifyCallerTokenOnce(KEY, token, 'customers', NOW);
    if (!second.ok) throw new Error('expected a verified caller');
    (second.caller.scopes as string[]).push('admin');
    expect(verifyCallerTokenOnce(KEY, token, 'customers', NOW)).toEqual({ ok: true, caller: agent });
  });
});
