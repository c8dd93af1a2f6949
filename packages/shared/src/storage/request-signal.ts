import { AsyncLocalStorage } from 'node:async_hooks';

const signals = new AsyncLocalStorage<AbortSignal | undefined>();

/** The signal of the request this code runs for: aborted when its caller went away before the answer. */
export const currentRequestSignal = (): AbortSignal | undefined => signals.getStore();

/** Runs a request's work so that its statements are cancelled when `signal` aborts. */
export const runForRequest = <T>(signal: AbortSignal, work: () => T): T => signals.run(signal, work);

/** Work that must outlive the request that started it (a background job): no request's abort reaches its statements. */
export const detachedFromRequest = <T>(work: () => T): T => signals.run(undefined, work);
