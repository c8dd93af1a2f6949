import { importTablesMigration } from '@c360/shared';

/** Bulk import jobs and their bad-row reports (customers and interactions are imported into this schema). */
export class CreateImportJobs1732300111000 extends importTablesMigration('customers', 'CreateImportJobs1732300111000') {}
