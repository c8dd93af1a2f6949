import { conflict, notFound } from '@c360/shared';

export const partnerExists = (id: string) => conflict(`Partner "${id}" is already registered`, { field: 'id', partnerId: id });
export const partnerNotFound = (_id?: string) => notFound('Partner');
