import { conflict, notFound } from '@c360/shared';

/** Names the field, not the id sent. */
export const partnerExists = () => conflict('A partner with this id is already registered', { field: 'id', reason: 'PARTNER_EXISTS' });
export const partnerNotFound = (_id?: string) => notFound('Partner');
