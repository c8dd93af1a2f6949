import { subjectErased } from '@c360/shared';

/** A response for an erased customer would tie new behaviour to the person again (the message names no id). */
export const customersErased = (_customerIds: string[]) => subjectErased('customerId');
