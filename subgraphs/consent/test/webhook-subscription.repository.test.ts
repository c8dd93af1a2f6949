import { CallerKind, type Caller } from '@c360/shared';
import { startSubgraphHarness, storageLabel, type SubgraphHarness } from '@c360/shared/testing';
import { consentSubgraph } from '../src';
import { WebhookSubscriptionRepository } from '../src/webhooks/webhook-subscription.repository';
import { WebhookSubscriptionService } from '../src/webhooks/webhook-subscription.service';

const partner = (partnerId: string): Caller => ({ clientId: `${partnerId}-app`, kind: CallerKind.PARTNER, scopes: [], partnerId });
const staff: Caller = { clientId: 'privacy-console', kind: CallerKind.INTERNAL_APP, scopes: ['privacy:admin'] };

describe(`webhook subscriptions stored (${storageLabel()})`, () => {
  let harness: SubgraphHarness;
  beforeAll(async () => {
    harness = await startSubgraphHarness(consentSubgraph);
  });
  afterAll(() => harness.close());

  it('keeps each owner’s subscriptions apart through create, rotate and disable', async () => {
    const service = new WebhookSubscriptionService(new WebhookSubscriptionRepository(harness.dataSource), { allowPrivate: false });
    const mine = await service.create(partner('p-a'), { url: 'https://a.example/hook', eventTypes: ['order.recorded', 'customer.erased'] });
    await service.create(staff, { url: 'https://internal.example/hook', eventTypes: ['stock.level_changed'] });
    expect((await service.list(partner('p-a'))).map((s) => s.id)).toEqual([mine.subscription.id]);
    expect((await service.list(staff)).map((s) => s.eventTypes)).toEqual([['stock.level_changed']]);
    await expect(service.rotate(partner('p-b'), mine.subscription.id)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(service.disable(partner('p-a'), 'not-a-uuid')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const rotated = await service.rotate(partner('p-a'), mine.subscription.id);
    const [stored] = await service.list(partner('p-a'));
    expect(stored).toMatchObject({ secret: rotated.secret, previousSecret: mine.secret, eventTypes: ['customer.erased', 'order.recorded'] });
    await expect(service.disable(partner('p-b'), mine.subscription.id)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const disabled = await service.disable(partner('p-a'), mine.subscription.id);
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    expect((await service.list(partner('p-a'))).map((s) => s.disabledAt)).toEqual([disabled.disabledAt]);
    await expect(service.rotate(partner('p-a'), mine.subscription.id)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await service.list(staff)).toHaveLength(1);
  });
});
