import { badInput, conflict } from '@c360/shared';

// Messages name the offending field by its path in the call, never its value.
export const unknownSku = (field: string) => badInput(`${field} is not a product of the catalogue`, { field });
export const repeatedSku = (field: string) => badInput(`${field} repeats a sku already given in this call`, { field });
export const repeatedMovementId = (field: string) => badInput(`${field} repeats a movementId already given in this call`, { field });
export const levelOutOfRange = (field: string, max: number) => badInput(`${field} must be a whole number from 0 to ${max}`, { field });
export const deltaOutOfRange = (field: string, max: number) => badInput(`${field} must be a non-zero whole number between -${max} and ${max}`, { field });
export const inFuture = (field: string) => badInput(`${field} must not be in the future`, { field });
export const badKey = (field: string) => badInput(`${field} must be 1 to 128 characters`, { field });
export const tooMany = (field: string, max: number) => badInput(`at most ${max} entries in ${field} per call`, { field });
export const nothingGiven = (field: string) => badInput(`${field} must not be empty`, { field });
export const snapshotConflict = () =>
  conflict('This snapshotId was already received with a different asOf or different levels; nothing was changed', { field: 'snapshotId' });
export const movementConflict = (field: string) =>
  conflict(`${field} was already recorded with a different sku, delta or occurredAt; nothing was changed`, { field });
