import { subjectErased } from '@c360/shared';

/** An order for an erased customer would bring the person back (the message names no id). */
export const customerErased = (_customerId: string) => subjectErased('customerId');
