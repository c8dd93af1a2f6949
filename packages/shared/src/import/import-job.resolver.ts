import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { CallerKind, type Caller } from '../context/caller';
import type { SubgraphContext } from '../context/subgraph-context';
import { badInput } from '../errors/domain-error';
import { isUuid } from '../errors/ids';
import type { ImportJob } from './import-job';
import type { ImportJobRepository } from './import-job.repository';
import { ImportBadRowType, ImportJobType } from './import-job.type';
import { importJobNotFound } from './import.errors';

/**
 * A job is read only by the ERP client that started it: another client (even another ERP
 * integration) gets the same NOT_FOUND as for an id that does not exist, so job ids, counts
 * and bad-row positions of one integration never reach another.
 */
export async function findOwnJob(jobs: ImportJobRepository, caller: Caller, id: string): Promise<ImportJob> {
  const job = isUuid(id) && caller.kind === CallerKind.ERP_INTEGRATION ? await jobs.find(id.toLowerCase()) : null;
  if (!job || job.clientId !== caller.clientId) throw importJobNotFound(isUuid(id) ? id : '(not a UUID)');
  return job;
}

/** `ImportJob.badRows`: one class for every subgraph that imports (its container maps it to that subgraph's instance). */
@Resolver(() => ImportJobType)
export class ImportJobResolver {
  constructor(readonly jobs: ImportJobRepository) {}

  @FieldResolver(() => [ImportBadRowType], { description: 'Bad rows in line order; the whole report is GET /import/<kind>/jobs/<id>/bad-rows (NDJSON)' })
  async badRows(@Root() job: ImportJobType, @Arg('first', () => Int, { defaultValue: 100 }) first: number, @Arg('afterLine', () => Int, { defaultValue: 0 }) afterLine: number): Promise<ImportBadRowType[]> {
    if (first < 1 || first > 1000) throw badInput('first must be between 1 and 1000', { field: 'first' });
    return this.jobs.badRows(job.id, first, afterLine);
  }
}

/**
 * The root field that reads this subgraph's jobs. Federation routes a root field to one
 * subgraph, so each importing subgraph names its own (`importJob` in transactions for orders,
 * products and stock levels; the others prefix theirs), while `ImportJob` is one shared type.
 */
export function importJobQuery(fieldName: string) {
  @Resolver()
  class ImportJobQuery {
    constructor(readonly jobs: ImportJobRepository) {}

    @Query(() => ImportJobType, { name: fieldName, description: 'A bulk import job started by this ERP client: state, counts, timings and its bad-row report' })
    async job(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext<unknown>): Promise<ImportJobType> {
      return findOwnJob(this.jobs, ctx.caller, id);
    }
  }
  return ImportJobQuery;
}


