import { Arg, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import { assertUuid } from '../errors/ids';
import { badInput } from '../errors/domain-error';
import { RequiresScope } from '../graphql/scope-auth';
import { customersInMerge } from '../peers/known-customers';
import { SUBJECT_DATA_SCOPE, type SubjectDataHandler } from './subject-data.contract';
import { SubjectDataErasureType, SubjectDataExportType, SubjectDataMergeType } from './subject-data.type';

/**
 * The privacy contract, one class for every subgraph: each app wires an instance with its own
 * handler (the resolver container maps the class to that instance per app).
 */
@Resolver()
export class SubjectDataResolver {
  constructor(
    private readonly subgraph: string,
    private readonly handler: SubjectDataHandler,
  ) {}

  @Query(() => SubjectDataExportType, { description: 'Internal: this subgraph\'s data about a customer (privacy:admin)' })
  @Directive('@shareable')
  @Directive('@inaccessible')
  @RequiresScope(SUBJECT_DATA_SCOPE)
  async subjectDataExport(@Arg('customerId', () => ID) customerId: string): Promise<SubjectDataExportType> {
    return { subgraph: this.subgraph, data: await this.handler.exportSubject(assertUuid(customerId, 'customerId')) };
  }

  @Mutation(() => SubjectDataErasureType, { description: 'Internal: erases or de-identifies a customer here; idempotent (privacy:admin)' })
  @Directive('@shareable')
  @Directive('@inaccessible')
  @RequiresScope(SUBJECT_DATA_SCOPE)
  async eraseSubjectData(@Arg('customerId', () => ID) customerId: string, @Arg('requestId', () => ID) requestId: string): Promise<SubjectDataErasureType> {
    const counts = await this.handler.eraseSubject(assertUuid(customerId, 'customerId'), assertUuid(requestId, 'requestId'));
    return { subgraph: this.subgraph, counts };
  }

  @Mutation(() => SubjectDataMergeType, { description: "Internal: re-points the merged customer's rows here to the survivor; idempotent per merge (privacy:admin)" })
  @Directive('@shareable')
  @Directive('@inaccessible')
  @RequiresScope(SUBJECT_DATA_SCOPE)
  async mergeSubjectData(
    @Arg('mergeId', () => ID) mergeId: string,
    @Arg('survivorId', () => ID) survivorId: string,
    @Arg('mergedId', () => ID) mergedId: string,
  ): Promise<SubjectDataMergeType> {
    if (!this.handler.mergeSubject) throw badInput(`${this.subgraph} runs merges itself; use mergeCustomers`);
    const ids = [assertUuid(mergeId, 'mergeId'), assertUuid(survivorId, 'survivorId'), assertUuid(mergedId, 'mergedId')] as const;
    // Before anything moves: from now on this process's feeds ask the customers subgraph about the
    // retired id on every write (a cached EXISTS would land a write on it after the merge settles).
    customersInMerge([ids[2]]);
    const counts = await this.handler.mergeSubject(...ids);
    return { subgraph: this.subgraph, counts };
  }

  @Mutation(() => SubjectDataMergeType, { description: 'Internal: moves back what a merge moved here; idempotent (privacy:admin)' })
  @Directive('@shareable')
  @Directive('@inaccessible')
  @RequiresScope(SUBJECT_DATA_SCOPE)
  async unmergeSubjectData(@Arg('mergeId', () => ID) mergeId: string): Promise<SubjectDataMergeType> {
    if (!this.handler.unmergeSubject) throw badInput(`${this.subgraph} runs merges itself; use unmergeCustomers`);
    return { subgraph: this.subgraph, counts: await this.handler.unmergeSubject(assertUuid(mergeId, 'mergeId')) };
  }
}
