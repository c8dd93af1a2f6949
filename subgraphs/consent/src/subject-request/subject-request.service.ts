import { randomUUID } from 'node:crypto';
import { CallerKind, hasScope, SUBJECT_DATA_SCOPE, type Caller } from '@c360/shared';
import type { SubjectRequestRetryTimer } from './retry-timer';
import { DataSubjectRequestKind } from './subject-request.enums';
import { notYourRequest, subjectMerged, subjectRequestNotFound } from './subject-request.errors';
import { toSubjectRequestTypes } from './subject-request.mapper';
import type { SubjectRequestRepository, SubjectRequestRow } from './subject-request.repository';
import type { SubjectRequestRunner } from './subject-request.runner';
import type { DataSubjectRequestType } from './subject-request.type';

/** Ids compare in lower case, as in the consent and ledger services (a token may carry an upper-case id). */
const isSelf = (caller: Caller, customerId: string) => caller.kind === CallerKind.CUSTOMER && caller.customerId?.toLowerCase() === customerId.toLowerCase();
const isPrivacyStaff = (caller: Caller) => caller.kind !== CallerKind.CUSTOMER && hasScope(caller, SUBJECT_DATA_SCOPE);

/**
 * Data-subject requests: the customer themself or privacy staff ask; the first attempt runs
 * before the answer, failed parts are retried automatically and can be resumed.
 */
export class SubjectRequestService {
  constructor(
    private readonly repository: SubjectRequestRepository,
    private readonly runner: SubjectRequestRunner,
    private readonly retries: SubjectRequestRetryTimer,
  ) {}

  async request(caller: Caller, customerId: string, kind: DataSubjectRequestKind, now = new Date()): Promise<DataSubjectRequestType> {
    if (!isSelf(caller, customerId) && !isPrivacyStaff(caller)) throw notYourRequest();
    // Neither resolved to the survivor (a wrong merge would let the retired id's holder erase or read
    // another person) nor run on an id that holds nothing (DONE while the data stays).
    if (await this.repository.isRetired(customerId.toLowerCase())) throw subjectMerged();
    // Asking again while a request of that kind is unfinished returns it: repeats cost no new fan-out.
    const { id, created } = await this.repository.createUnlessUnfinished({ id: randomUUID(), customerId, kind, requestedBy: caller.clientId, requestedAt: now }, this.runner.subgraphs);
    if (!created) return (await this.withParts(await this.repository.find([id])))[0];
    return this.attempt(id, false);
  }

  async resume(caller: Caller, id: string): Promise<DataSubjectRequestType> {
    await this.visible(caller, id, { orFail: true });
    return this.attempt(id, true);
  }

  /** Null when there is none, or when a customer asks for someone else's (they cannot tell which). */
  async find(caller: Caller, id: string): Promise<DataSubjectRequestType | null> {
    const request = await this.visible(caller, id, { orFail: false });
    return request && (await this.withParts([request]))[0];
  }

  async ofCustomer(caller: Caller, customerId: string): Promise<DataSubjectRequestType[]> {
    if (!isSelf(caller, customerId) && !isPrivacyStaff(caller)) throw notYourRequest();
    return this.withParts(await this.repository.ofCustomer(customerId));
  }

  private async attempt(id: string, newRound: boolean): Promise<DataSubjectRequestType> {
    this.retries.follow(id, await this.runner.attempt(id, { newRound }));
    const [request] = await this.repository.find([id]);
    return (await this.withParts([request]))[0];
  }

  private async visible(caller: Caller, id: string, options: { orFail: boolean }): Promise<SubjectRequestRow | null> {
    if (caller.kind !== CallerKind.CUSTOMER && !isPrivacyStaff(caller)) throw notYourRequest();
    const [request] = await this.repository.find([id]);
    if (!request || (caller.kind === CallerKind.CUSTOMER && !isSelf(caller, request.customerId))) {
      if (options.orFail) throw subjectRequestNotFound(id);
      return null;
    }
    return request;
  }

  private async withParts(requests: SubjectRequestRow[]): Promise<DataSubjectRequestType[]> {
    return toSubjectRequestTypes(requests, await this.repository.parts(requests.map((r) => r.id)));
  }
}
