/**
 * Container healthcheck (the image has no curl): asks this container's service for /ready.
 * The port is the one variable of PORT / <SUBGRAPH>_PORT the container was started with.
 */
const PORT_VARIABLES = ['PORT', 'CUSTOMERS_PORT', 'TRANSACTIONS_PORT', 'OFFERS_PORT', 'CONSENT_PORT'];

export function readinessUrl(env: NodeJS.ProcessEnv): string {
  const port = PORT_VARIABLES.map((name) => env[name]).find((value) => value && value !== '0') ?? '4000';
  return `http://127.0.0.1:${port}/ready`;
}

if (require.main === module) {
  fetch(readinessUrl(process.env), { signal: AbortSignal.timeout(3_000) }).then(
    (response) => process.exit(response.ok ? 0 : 1),
    () => process.exit(1),
  );
}
