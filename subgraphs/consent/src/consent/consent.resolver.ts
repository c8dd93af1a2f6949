import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { RequiresScope } from '@c360/shared';
import type { ConsentContext } from '../context';
import type { ConsentEventEntity } from './consent-event.entity';
import { GrantConsentInput, RecordConsentDenialInput, WithdrawConsentInput } from './consent.input';
import { toConsentType } from './consent.mapper';
import { ConsentService } from './consent.service';
import { ConsentType } from './consent.type';

/** Each mutation appends one ledger event and returns the resulting current state. */
@Resolver(() => ConsentType)
export class ConsentResolver {
  constructor(private readonly service: ConsentService) {}

  @RequiresScope('consent:write')
  @Mutation(() => ConsentType, { description: 'Records that the customer granted consent for a purpose (and partner)' })
  async grantConsent(@Arg('input', () => GrantConsentInput) input: GrantConsentInput, @Ctx() ctx: ConsentContext): Promise<ConsentType> {
    return afterWrite(await this.service.grant(input, ctx.caller), ctx);
  }

  @RequiresScope('consent:write')
  @Mutation(() => ConsentType, { description: 'Records that the customer withdrew consent; allowed even if it was never granted' })
  async withdrawConsent(@Arg('input', () => WithdrawConsentInput) input: WithdrawConsentInput, @Ctx() ctx: ConsentContext): Promise<ConsentType> {
    return afterWrite(await this.service.withdraw(input, ctx.caller), ctx);
  }

  @RequiresScope('consent:write')
  @Mutation(() => ConsentType, { description: 'Records that the customer was asked and refused (status DENIED)' })
  async recordConsentDenial(@Arg('input', () => RecordConsentDenialInput) input: RecordConsentDenialInput, @Ctx() ctx: ConsentContext): Promise<ConsentType> {
    return afterWrite(await this.service.deny(input, ctx.caller), ctx);
  }
}

/** Later fields in the same operation must not see the state from before the write. */
function afterWrite(event: ConsentEventEntity, ctx: ConsentContext): ConsentType {
  ctx.loaders.currentConsents.clear(event.customerId);
  ctx.loaders.consentHistoryPage.clearAll();
  return toConsentType(event);
}
