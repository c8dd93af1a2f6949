import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ConsentContext } from '../context';
import { CreateWebhookSubscriptionInput } from './webhook-subscription.input';
import { toWebhookSubscriptionType } from './webhook-subscription.mapper';
import type { WebhookSubscriptionService } from './webhook-subscription.service';
import { WebhookSubscriptionType, WebhookSubscriptionWithSecretType } from './webhook-subscription.type';

/** Partners manage their own subscriptions, staff (privacy:admin) the internal ones; the service decides which. */
@Resolver()
export class WebhookSubscriptionResolver {
  constructor(private readonly service: WebhookSubscriptionService) {}

  @Query(() => [WebhookSubscriptionType], { description: "The caller's webhook subscriptions: a partner's own, or staff's internal ones (privacy:admin)" })
  async webhookSubscriptions(@Ctx() ctx: ConsentContext): Promise<WebhookSubscriptionType[]> {
    return (await this.service.list(ctx.caller)).map(toWebhookSubscriptionType);
  }

  @Mutation(() => WebhookSubscriptionWithSecretType, { description: 'Subscribes an endpoint; answers the signing secret, shown only now' })
  async createWebhookSubscription(@Arg('input', () => CreateWebhookSubscriptionInput) input: CreateWebhookSubscriptionInput, @Ctx() ctx: ConsentContext): Promise<WebhookSubscriptionWithSecretType> {
    const { subscription, secret } = await this.service.create(ctx.caller, input);
    return { subscription: toWebhookSubscriptionType(subscription), secret };
  }

  @Mutation(() => WebhookSubscriptionWithSecretType, { description: 'A new signing secret, shown only now; the previous one keeps signing for 24 hours' })
  async rotateWebhookSubscriptionSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<WebhookSubscriptionWithSecretType> {
    const { subscription, secret } = await this.service.rotate(ctx.caller, id);
    return { subscription: toWebhookSubscriptionType(subscription), secret };
  }

  @Mutation(() => WebhookSubscriptionType, { description: 'Stops deliveries to the endpoint (those still waiting are dropped); idempotent' })
  async disableWebhookSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<WebhookSubscriptionType> {
    return toWebhookSubscriptionType(await this.service.disable(ctx.caller, id));
  }
}
