/** Runs `load` at most once per holder; the per-request loaders use it for key-less lookups. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= load());
}
