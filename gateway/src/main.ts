import { bootProcess } from '@c360/shared/service/boot';
bootProcess('gateway'); // before anything loads @apollo/gateway or node:http users

import 'reflect-metadata';
import { collectProcessMetrics, configureLogging, drainServer, listen, loadConfigOrExit, serviceLogger, stopOnSignals } from '@c360/shared';
import { createGatewayApp } from './app';
import { readGatewayConfig } from './config';
import { resolveAuth } from './auth/resolve-auth';
import { developmentSignIn, keyFileMinter } from './web/development-minter';

async function main() {
  const config = loadConfigOrExit(() => readGatewayConfig());
  configureLogging(config.operations.log);
  collectProcessMetrics();
  const log = serviceLogger('gateway');
  const auth = await resolveAuth(config.auth);
  if (auth.development) log.warn(`trusting the DEVELOPMENT token key in ${config.auth.devKeysDir} (mint tokens with npm run token)`);
  const devMinter = auth.development && !config.production ? await developmentSignIn(config.auth.devKeysDir, auth) : undefined;
  const { signInKeyPath, ...webSettings } = config.web;
  const web = { ...webSettings, developmentSignIn: devMinter, signInMinter: signInKeyPath ? keyFileMinter(signInKeyPath, auth) : devMinter };
  const app = await createGatewayApp({ ...config, auth, metrics: config.operations.metrics, web });
  const url = await listen(app.http, config.port, config.host);
  log.info(`customer-360 graph at ${url}`);
  stopOnSignals(async () => {
    if (!(await drainServer(app.http, config.operations.drainMs))) log.warn(`requests still running after ${config.operations.drainMs} ms were cut`);
    await app.apollo.stop();
  }, 'gateway');
}

void main();
