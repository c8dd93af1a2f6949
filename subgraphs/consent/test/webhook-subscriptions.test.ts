import { CallerKind, type Caller } from '@c360/shared';
import { ROTATION_OVERLAP_MS, WebhookSubscriptionService, type WebhookSubscriptionRow, type WebhookSubscriptionStore } from '../src/webhooks/webhook-subscription.service';

function memoryStore(): WebhookSubscriptionStore {
  const rows = new Map<string, WebhookSubscriptionRow>();
  return {
    insert: async (row) => void rows.set(row.id, row),
    list: async (owner) => [...rows.values()].filter((r) => r.partnerId === owner),
    find: async (owner, id) => (rows.get(id)?.partnerId === owner ? rows.get(id)! : null),
    rotate: async (id, secret, previousSecret, previousUntil) => void rows.set(id, { ...rows.get(id)!, secret, previousSecret, previousUntil }),
    disable: async (id, at) => void rows.set(id, { ...rows.get(id)!, disabledAt: at }),
  };
}
const partner = (partnerId: string): Caller => ({ clientId: `${partnerId}-app`, kind: CallerKind.PARTNER, scopes: [], partnerId });
const staff: Caller = { clientId: 'privacy-console', kind: CallerKind.INTERNAL_APP, scopes: ['privacy:admin'] };
const plainApp: Caller = { clientId: 'crm', kind: CallerKind.INTERNAL_APP, scopes: ['customers:read'] };
const INPUT = { url: 'https://hooks.partner.example/c360', eventTypes: ['order.recorded'] };
const errorOf = async (p: Promise<unknown>) => p.then(() => null, (e: { extensions?: { code?: string }; message: string }) => e);

describe('webhook subscriptions', () => {
  it('a partner sees and manages only its own; another partner’s id is NOT_FOUND like an unknown one', async () => {
    const service = new WebhookSubscriptionService(memoryStore(), { allowPrivate: false });
    const { subscription, secret } = await service.create(partner('p-a'), INPUT);
    expect(secret).toMatch(/^whsec_/);
    expect(await service.list(partner('p-b'))).toEqual([]);
    expect(await service.list(staff)).toEqual([]);
    const foreign = await errorOf(service.disable(partner('p-b'), subscription.id));
    const unknown = await errorOf(service.disable(partner('p-b'), '00000000-0000-4000-8000-000000000000'));
    expect(foreign?.extensions?.code).toBe('NOT_FOUND');
    expect(foreign?.message).toBe(unknown?.message);
    expect((await errorOf(service.rotate(partner('p-b'), subscription.id)))?.extensions?.code).toBe('NOT_FOUND');
    expect(await service.list(partner('p-a'))).toHaveLength(1);
    expect((await errorOf(service.list(plainApp)))?.extensions?.code).toBe('FORBIDDEN');
    expect((await service.disable(partner('p-a'), subscription.id)).disabledAt).toBeInstanceOf(Date);
    expect((await service.list(partner('p-a')))[0].disabledAt).toBeInstanceOf(Date);
  });

  it('refuses loopback and plain http without the development switch, never echoing the URL', async () => {
    const strict = new WebhookSubscriptionService(memoryStore(), { allowPrivate: false });
    for (const url of ['http://127.0.0.1:9/secret-path', 'https://localhost/secret-path', 'https://10.0.0.8/secret-path']) {
      const error = await errorOf(strict.create(staff, { ...INPUT, url }));
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(error)).not.toContain('secret-path');
    }
    expect((await errorOf(strict.create(staff, { ...INPUT, eventTypes: ['no.such'] })))?.extensions?.code).toBe('BAD_USER_INPUT');
    const dev = new WebhookSubscriptionService(memoryStore(), { allowPrivate: true });
    expect((await dev.create(staff, { ...INPUT, url: 'http://127.0.0.1:9/hook' })).subscription.partnerId).toBeNull();
  });

  it('rotation answers a new secret and keeps the old one signing for the documented overlap', async () => {
    const service = new WebhookSubscriptionService(memoryStore(), { allowPrivate: false });
    const { subscription, secret } = await service.create(staff, INPUT);
    const now = new Date('2026-11-30T12:00:00Z');
    const rotated = await service.rotate(staff, subscription.id, now);
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.subscription.previousSecret).toBe(secret);
    expect(rotated.subscription.previousUntil!.getTime() - now.getTime()).toBe(ROTATION_OVERLAP_MS);
  });
});
