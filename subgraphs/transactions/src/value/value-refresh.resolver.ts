import { Arg, ID, Mutation, Query, Resolver } from 'type-graphql';
import { isUuid, RequiresScope } from '@c360/shared';
import type { ValueRefreshJob } from './value-refresh-job';
import type { ValueRefreshJobs } from './value-refresh-job.service';
import { ValueRefreshJobType } from './value-refresh-job.type';

const toJobType = (job: ValueRefreshJob): ValueRefreshJobType => ({
  id: job.id,
  state: job.state,
  startedAt: job.startedAt,
  finishedAt: job.finishedAt,
  customersRefreshed: job.customersValued,
  customersScored: job.customersScored,
  durationMs: job.durationMs,
  failure: job.failure,
});

@Resolver(() => ValueRefreshJobType)
export class ValueRefreshResolver {
  constructor(private readonly jobs: ValueRefreshJobs) {}

  // It scans the whole customer base: an administrator's job, never an ingest token's (ERP holds orders:write).
  @RequiresScope('privacy:admin')
  @Mutation(() => ValueRefreshJobType, {
    description: 'Admin (privacy:admin): starts recomputing every customer value and re-ranking the RFM quintiles in the background, and answers with the job; while one runs, answers with that one',
  })
  async refreshCustomerValues(): Promise<ValueRefreshJobType> {
    return toJobType(await this.jobs.start());
  }

  @RequiresScope('privacy:admin')
  @Query(() => ValueRefreshJobType, { nullable: true, description: 'Admin (privacy:admin): a value refresh job, or null when there is none with this id' })
  async valueRefreshJob(@Arg('id', () => ID) id: string): Promise<ValueRefreshJobType | null> {
    const job = isUuid(id) ? await this.jobs.find(id) : null;
    return job && toJobType(job);
  }
}
