import { Arg, Mutation, Query, Resolver } from 'type-graphql';
import { RequiresScope } from '@c360/shared';
import { OfferChannel } from '../offer/offer.enums';
import { SetContactPolicyInput } from './contact-policy.input';
import type { ContactPolicyRepository } from './contact-policy.repository';
import { ContactPolicyType } from './contact-policy.type';

/** The contact policy across campaigns: staff set it per channel, the offer engine reads it with each request's exposures. */
@Resolver(() => ContactPolicyType)
export class ContactPolicyResolver {
  constructor(private readonly policies: ContactPolicyRepository) {}

  @Query(() => [ContactPolicyType], { description: 'The contact policy per channel (channels without one are not capped across campaigns)' })
  @RequiresScope('offers:read')
  contactPolicies(): Promise<ContactPolicyType[]> {
    return this.policies.list();
  }

  @Mutation(() => ContactPolicyType, { description: 'Sets (or replaces) the channel\'s contact policy; effective on the next request' })
  @RequiresScope('offers:write')
  setContactPolicy(@Arg('input', () => SetContactPolicyInput) input: SetContactPolicyInput): Promise<ContactPolicyType> {
    return this.policies.upsert(input.channel, input.maxShown, input.withinDays);
  }

  @Mutation(() => Boolean, { description: 'Removes the channel\'s contact policy; false when it had none' })
  @RequiresScope('offers:write')
  removeContactPolicy(@Arg('channel', () => OfferChannel) channel: OfferChannel): Promise<boolean> {
    return this.policies.remove(channel);
  }
}
