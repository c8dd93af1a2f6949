import { Field, ID, InputType, Int } from 'type-graphql';
import { IsInt, IsOptional, Length, Min } from 'class-validator';
import { ConsentChannel } from './consent.enums';

// Registered so subclasses inherit its fields; never used as an argument, so never emitted.
@InputType('ConsentDecisionInputBase')
abstract class ConsentDecisionInput {
  @Field(() => ID, { description: 'The customer (UUID)' })
  customerId: string;

  @Field({ description: 'A CONSENT purpose, e.g. MARKETING' })
  @Length(1, 64)
  purposeCode: string;

  @Field(() => ID, { nullable: true, description: 'Required for partner-scoped purposes (PARTNER_SHARING), refused for others' })
  @IsOptional()
  @Length(1, 100)
  partnerId?: string | null;

  @Field(() => ConsentChannel)
  channel: ConsentChannel;
}

@InputType('InformedDecisionInputBase')
abstract class InformedDecisionInput extends ConsentDecisionInput {
  @Field(() => Int, { nullable: true, description: "The notice version shown to the customer; defaults to the purpose's current notice" })
  @IsOptional()
  @IsInt()
  @Min(1)
  noticeVersion?: number | null;
}

@InputType()
export class GrantConsentInput extends InformedDecisionInput {}

@InputType({ description: 'The customer was asked and said no' })
export class RecordConsentDenialInput extends InformedDecisionInput {}

@InputType()
export class WithdrawConsentInput extends ConsentDecisionInput {}
