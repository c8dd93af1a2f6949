export * from './request-scope';
export * from './logger';
export * from './metrics';
export * from './readiness';
export * from './tracing';
export * from './access-plugin';
export * from './access-log';
export * from './observability.settings';
