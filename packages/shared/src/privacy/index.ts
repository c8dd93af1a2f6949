export * from './personal-data';
export * from './consent-decisions';
export * from './remote-consent-decider';
export * from './consent-guard';
export * from './disclosures';
export * from './data-map';
export * from './disclosure-recorder';
export * from './fixed-deciders';
