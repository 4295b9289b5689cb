import type { Server } from 'node:http';
import { createApi, type ApiOptions } from '../src/core/server.js';
import { modules } from '../src/modules/index.js';
import type { TestApi } from './test-api.js';

export interface ServedApi {
  url: string;
  close(): Promise<void>;
}

/**
 * A second API over a test API's database, with HTTP options of its own (production, trust proxy, metrics token,
 * a portal folder): for tests of what the server answers around GraphQL, which startTestApi fixes for everyone.
 */
export async function serveApi(
  on: TestApi,
  options: Partial<Omit<ApiOptions, 'dataSource' | 'modules'>> = {},
): Promise<ServedApi> {
  const api = await createApi({
    dataSource: on.dataSource,
    modules,
    production: false,
    sessionDays: 14,
    webhooks: { allowPrivateAddresses: true, worker: false, pollMs: 1000, timeoutMs: 2000 },
    ...options,
  });
  const server: Server = await new Promise((resolve) => {
    const listening = api.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => api.stop(server),
  };
}
