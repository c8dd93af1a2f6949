import { badInput, conflict } from '@c360/shared';

// These name the field and the rule, never the value sent: an error does not echo its input.
export const unknownPurpose = () => badInput('No purpose has this code', { field: 'purposeCode', reason: 'UNKNOWN_PURPOSE' });
export const noticeRaced = () => conflict('Another notice for this purpose was published at the same time; try again', { field: 'purposeCode', reason: 'NOTICE_RACED' });
export const unknownNoticeVersion = () => badInput('This purpose has no notice of that version', { field: 'version', reason: 'UNKNOWN_NOTICE_VERSION' });
export const purposeExists = () => conflict('A purpose with this code is already defined', { field: 'code', reason: 'PURPOSE_EXISTS' });
export const unknownDataCategory = () => badInput('Unknown data category', { field: 'dataCategories', reason: 'UNKNOWN_DATA_CATEGORY' });
export const partnerScopeNeedsConsent = () => badInput('Only a CONSENT purpose can be partner-scoped', { field: 'partnerScoped' });
