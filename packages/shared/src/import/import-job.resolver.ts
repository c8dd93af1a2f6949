import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { CallerKind } from '../context/caller';
import type { SubgraphContext } from '../context/subgraph-context';
import { badInput } from '../errors/domain-error';
import { isUuid } from '../errors/ids';
import type { ImportJobRepository } from './import-job.repository';
import { ImportBadRowType, ImportJobType } from './import-job.type';
import { importJobNotFound } from './import.errors';

/** `importJob(id)`: the state, counts, timings and bad rows of a job run in this subgraph, for ERP callers. */
@Resolver(() => ImportJobType)
export class ImportJobResolver {
  constructor(private readonly jobs: ImportJobRepository) {}

  @Query(() => ImportJobType, { description: 'A bulk import job: state, counts, timings and its bad-row report' })
  async importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext<unknown>): Promise<ImportJobType> {
    const job = isUuid(id) && ctx.caller.kind === CallerKind.ERP_INTEGRATION ? await this.jobs.find(id.toLowerCase()) : null;
    if (!job) throw importJobNotFound(isUuid(id) ? id : '(not a UUID)');
    return job;
  }

  @FieldResolver(() => [ImportBadRowType], { description: 'Bad rows in line order; the whole report is GET /import/<kind>/jobs/<id>/bad-rows (NDJSON)' })
  async badRows(@Root() job: ImportJobType, @Arg('first', () => Int, { defaultValue: 100 }) first: number, @Arg('afterLine', () => Int, { defaultValue: 0 }) afterLine: number): Promise<ImportBadRowType[]> {
    if (first < 1 || first > 1000) throw badInput('first must be between 1 and 1000', { field: 'first' });
    return this.jobs.badRows(job.id, first, afterLine);
  }
}
