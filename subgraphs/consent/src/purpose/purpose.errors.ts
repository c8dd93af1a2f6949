import { badInput, conflict } from '@c360/shared';

export const unknownPurpose = (code: string) => badInput(`Purpose "${code}" does not exist`, { field: 'purposeCode', purposeCode: code });
export const noticeRaced = (code: string) => conflict(`Another notice for ${code} was published at the same time; try again`, { purposeCode: code });
export const unknownNoticeVersion = (code: string, version: number) =>
  badInput(`Purpose ${code} has no notice version ${version}`, { field: 'version', purposeCode: code, version });
export const purposeExists = (code: string) => conflict(`Purpose ${code} is already defined`, { field: 'code', purposeCode: code });
export const unknownDataCategory = (category: string) => badInput(`Unknown data category ${category}`, { field: 'dataCategories', category });
export const partnerScopeNeedsConsent = () => badInput('Only a CONSENT purpose can be partner-scoped', { field: 'partnerScoped' });
