import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportJobState } from './import-job';

registerEnumType(ImportJobState, { name: 'ImportJobState', description: 'RUNNING until the last batch commits; FAILED jobs keep their committed batches and can be resumed' });

@Directive('@shareable')
@ObjectType('ImportCounts', { description: 'Rows of the file: read = inserted + updated + unchanged + rejected' })
export class ImportCountsType {
  @Field(() => Int) read: number;
  @Field(() => Int) inserted: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int, { description: 'Bad rows, each in the bad-row report' }) rejected: number;
}

@Directive('@shareable')
@ObjectType('ImportTimings')
export class ImportTimingsType {
  @Field(() => Int, { description: 'Reading, typing and COPYing rows into staging' }) stageMs: number;
  @Field(() => Int, { description: 'Set-wise validation' }) validateMs: number;
  @Field(() => Int, { description: 'Set-wise merge' }) mergeMs: number;
  @Field(() => Int, { nullable: true, description: 'The one refresh after the import (value scores, segments)' }) afterImportMs: number | null;
  @Field(() => Date) startedAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

@Directive('@shareable')
@ObjectType('ImportBadRow', { description: 'A rejected row: where and why, never its content' })
export class ImportBadRowType {
  @Field(() => Int, { description: '1-based line of the file' }) lineNo: number;
  @Field({ description: 'The field at fault, e.g. customerId or lines[2].quantity' }) field: string;
  @Field() reason: string;
}

@Directive('@shareable')
@ObjectType('ImportJob')
export class ImportJobType {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field() sourceSystem: string;
  @Field(() => ImportJobState) state: ImportJobState;
  @Field(() => String, { nullable: true }) failure: string | null;
  @Field(() => ImportCountsType) counts: ImportCountsType;
  @Field(() => ImportTimingsType) timings: ImportTimingsType;
  @Field(() => Int, { description: 'The last line whose batch committed (a resumed job continues after it)' }) lastLine: number;
}
