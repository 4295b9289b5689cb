import type { Server } from 'node:http';

/**
 * One server under test in a process of its own, as in production: `serve.ts api` (the product, as the API role)
 * `serve.ts baseline`, or `serve.ts limit` (limit-server.ts, as the API role). It prints `listening <url>` once ready and stops on SIGTERM. Keeping it out of the bench's
 * process means the load generator and the data generator do not share its event loop or its heap.
 */
// As deployed (the Dockerfile and infra/k8s set it): graphql-js and Express take their production paths (graphql's
// development-only instanceOf check was 6 % of the API's CPU, #15). graphql-js reads NODE_ENV once, when it is
// first loaded, so every import that reaches it is dynamic, below this line: a static one is hoisted above it
// and left the check on. The statement counts the bench prints come from createApi's `production: false`.
process.env.NODE_ENV = 'production';
process.env.LOG_LEVEL ??= 'warn';
process.env.RATE_LIMIT_REQUESTS ??= '1000000000'; // one caller makes all the requests

const kind = process.argv[2];

async function serveApi(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { createAppDataSource } = await import('../../apps/api/src/core/database/data-source.js');
  const { createApi } = await import('../../apps/api/src/core/server.js');
  const { entities, modules } = await import('../../apps/api/src/modules/index.js');
  const { startWebhookWorker } = await import('../../apps/api/src/modules/webhooks/index.js');
  const { DEFAULT_WEBHOOK_SETTINGS } = await import('../../apps/api/src/core/config.js');
  const dataSource = createAppDataSource(required('APP_URL'), entities, { poolSize: 20 });
  await dataSource.initialize();
  const api = await createApi({ dataSource, modules, production: false, sessionDays: 14 });
  // As the product runs: this process delivers the outbox too.
  const webhookWorker = startWebhookWorker(dataSource, DEFAULT_WEBHOOK_SETTINGS);
  const server = await new Promise<Server>((resolve) => {
    const listening = api.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`,
    async stop() {
      await api.stop(server);
      await webhookWorker.stop();
      await dataSource.destroy();
    },
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const served =
  kind === 'api'
    ? await serveApi()
    : kind === 'baseline'
      ? await (await import('../baseline.js')).startBaseline(required('OWNER_URL'), required('TENANT_ID'))
      : kind === 'limit'
        ? await (await import('./limit-server.js')).startLimitServer(required('APP_URL'))
        : null;
if (!served) throw new Error('usage: serve.ts api|baseline|limit');
console.log(`listening ${served.url}`);
process.once('SIGTERM', () => {
  void served.stop().then(() => process.exit(0));
});
