import { badInput, SKU_RULE } from '@c360/shared';

// Messages name the offending field by its path in the call, never its value.
export const badText = (field: string, max: number) => badInput(`${field} must be 1 to ${max} characters`, { field });
export const badPrice = (field: string) => badInput(`${field} must be between 0 and 9999999999.99 with at most two decimals`, { field });
export const badCurrency = (field: string) => badInput(`${field} must be an ISO 4217 currency code such as EUR`, { field });
export const repeatedSku = (field: string) => badInput(`${field} repeats a sku already given in this call`, { field });
export const noProducts = () => badInput('inputs must not be empty', { field: 'inputs' });
export const tooManyProducts = (max: number) => badInput(`at most ${max} products per call`, { field: 'inputs' });
export const badSku = (field: string) => badInput(`${field} ${SKU_RULE}`, { field });
