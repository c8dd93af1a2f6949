import { importTablesMigration } from '@c360/shared';

/** Bulk import jobs and their bad-row reports (historical offer responses are imported into this schema). */
export class CreateImportJobs1732300113000 extends importTablesMigration('offers', 'CreateImportJobs1732300113000') {}
