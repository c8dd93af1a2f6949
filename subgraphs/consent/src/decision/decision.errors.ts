import { badInput } from '@c360/shared';

/** Names the field and the rule, never the category sent (an error does not echo its input). */
export const unknownCategory = (field: string) => badInput('Unknown data category', { field, reason: 'UNKNOWN_DATA_CATEGORY' });
