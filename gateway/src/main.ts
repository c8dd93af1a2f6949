import 'reflect-metadata';
import { closeServer, listen, loadConfigOrExit, stopOnSignals } from '@c360/shared';
import { createGatewayApp } from './app';
import { readGatewayConfig } from './config';
import { resolveAuth } from './auth/resolve-auth';

async function main() {
  const config = loadConfigOrExit(() => readGatewayConfig());
  const auth = await resolveAuth(config.auth);
  if (auth.development) process.stdout.write(`[gateway] trusting the DEVELOPMENT token key in ${config.auth.devKeysDir} (mint tokens with npm run token)\n`);
  const app = await createGatewayApp({ ...config, auth });
  const url = await listen(app.http, config.port, config.host);
  process.stdout.write(`[gateway] customer-360 graph at ${url}\n`);
  stopOnSignals(async () => {
    await closeServer(app.http);
    await app.apollo.stop();
  });
}

void main();
