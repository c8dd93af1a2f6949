import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('Disclosure', { description: "One release of a customer's personal data to a recipient, as recorded in the disclosure ledger" })
export class DisclosureType {
  @Field(() => ID)
  id: string;

  @Field()
  disclosedAt: Date;

  /** Not a field: `partner` resolves it. */
  partnerId: string | null;

  @Field({ description: 'The client (application) the data was released to' })
  clientId: string;

  @Field()
  callerKind: string;

  @Field({ description: 'The purpose the recipient declared' })
  purposeCode: string;

  @Field(() => [String], { description: 'PersonalDataCategory names released' })
  categories: string[];

  @Field(() => [ID], { description: 'Consent ledger events the release relied on' })
  consentEventIds: string[];

  @Field({ description: 'The subgraph that released the data' })
  subgraph: string;
}

@InputType('DisclosureInput')
@Directive('@inaccessible')
export class DisclosureInput {
  @Field(() => ID)
  customerId: string;

  @Field(() => [String])
  categories: string[];

  @Field(() => [ID])
  consentRecordIds: string[];
}
