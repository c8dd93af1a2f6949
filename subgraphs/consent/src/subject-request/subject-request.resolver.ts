import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { assertUuid, DomainError, ErrorCode, PersonalDataCategory } from '@c360/shared';
import type { ConsentContext } from '../context';
import { DataSubjectRequestKind } from './subject-request.enums';
import { SubjectRequestService } from './subject-request.service';
import { DataSubjectRequestType } from './subject-request.type';

const WHO = 'The customer themself (self-service token), or staff with privacy:admin.';

@Resolver(() => DataSubjectRequestType)
export class SubjectRequestResolver {
  constructor(private readonly service: SubjectRequestService) {}

  @Mutation(() => DataSubjectRequestType, { description: `Asks for one portable document of everything held on the customer, across every subgraph. ${WHO}` })
  requestDataAccess(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: ConsentContext): Promise<DataSubjectRequestType> {
    return this.service.request(ctx.caller, assertUuid(customerId, 'customerId'), DataSubjectRequestKind.ACCESS);
  }

  @Mutation(() => DataSubjectRequestType, { description: `Erases or de-identifies the customer's data in every subgraph, under each one's retention rules. ${WHO}` })
  requestErasure(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: ConsentContext): Promise<DataSubjectRequestType> {
    return this.service.request(ctx.caller, assertUuid(customerId, 'customerId'), DataSubjectRequestKind.ERASURE);
  }

  @Mutation(() => DataSubjectRequestType, { description: `Runs the parts of a request that are not DONE again, now (a new round of automatic retries follows a failure). ${WHO}` })
  resumeDataSubjectRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<DataSubjectRequestType> {
    return this.service.resume(ctx.caller, assertUuid(id));
  }

  @Query(() => DataSubjectRequestType, { nullable: true, description: `A data-subject request; null when there is none (or it is another customer's). ${WHO}` })
  dataSubjectRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<DataSubjectRequestType | null> {
    return this.service.find(ctx.caller, assertUuid(id));
  }

  @Query(() => [DataSubjectRequestType], { nullable: true, description: `A customer's data-subject requests, newest first. ${WHO}` })
  dataSubjectRequests(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: ConsentContext): Promise<DataSubjectRequestType[]> {
    return this.service.ofCustomer(ctx.caller, assertUuid(customerId, 'customerId'));
  }

  /**
   * The document holds every category of personal data. The field's guard has decided IDENTITY
   * (the one category a field declares); the others must be allowed too, each recorded as
   * disclosed when released. Self-service and SERVICE callers are allowed all of them at once.
   */
  @FieldResolver(() => GraphQLJSONObject, { nullable: true })
  async accessDocument(@Root() request: DataSubjectRequestType, @Ctx() ctx: ConsentContext): Promise<Record<string, unknown> | null> {
    if (!request.accessDocument) return null;
    const others = Object.values(PersonalDataCategory).filter((c) => c !== PersonalDataCategory.IDENTITY);
    const decisions = await Promise.all(others.map((category) => ctx.consent.decide(request.customerId, category)));
    const denied = decisions.find((d) => !d.allowed);
    if (denied) {
      throw new DomainError(ErrorCode.CONSENT_REQUIRED, `DataSubjectRequest.accessDocument is withheld: it holds ${denied.category} data, which no consent covers for purpose ${ctx.caller.purpose ?? '(none)'}`, {
        purpose: ctx.caller.purpose ?? null,
        category: denied.category,
        reason: denied.reason,
      });
    }
    for (const d of decisions) ctx.disclosures.record(request.customerId, d.category, d.consentRecordId ?? null);
    return request.accessDocument;
  }
}
