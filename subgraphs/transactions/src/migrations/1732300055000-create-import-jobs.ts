import { importTablesMigration } from '@c360/shared';

/** Bulk import jobs and their bad-row reports (orders are imported into this schema). */
export class CreateImportJobs1732300055000 extends importTablesMigration('transactions', 'CreateImportJobs1732300055000') {}
