import 'reflect-metadata';
import { closeServer, listen, loadConfigOrExit, stopOnSignals } from '@c360/shared';
import { createGatewayApp } from './app';
import { readGatewayConfig } from './config';

async function main() {
  const config = loadConfigOrExit(() => readGatewayConfig());
  const app = await createGatewayApp(config);
  const url = await listen(app.http, config.port, config.host);
  process.stdout.write(`[gateway] customer-360 graph at ${url}\n`);
  stopOnSignals(async () => {
    await closeServer(app.http);
    await app.apollo.stop();
  });
}

void main();
