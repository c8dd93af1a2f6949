export * from './subject-data.contract';
export * from './subject-data.type';
export * from './subject-data.resolver';
export * from './customer-tombstones';
export * from './customer-row-moves';
export * from './retired-customers';
export * from './retired-ids.migration';
export * from './repair-retired-ids.migration';
