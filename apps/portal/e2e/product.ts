/// <reference types="node" />
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    portalUrl: string;
    /** A file with the product's console output ('' when unknown): where it prints mail outside production. */
    productLog: string;
    /**
     * The UDP port on 127.0.0.1 where the product looks up the TXT records that prove single sign-on domains
     * (SSO_DNS_SERVERS); a test serves them there. 0 when unknown (PORTAL_URL without SSO_DNS_PORT).
     */
    ssoDnsPort: number;
  }
}

const apiDir = fileURLToPath(new URL('../../api/', import.meta.url));

/**
 * The product as a user meets it: the API started the way `npm start` starts it (embedded PostgreSQL, migrations,
 * demo data, the built portal on one origin), on free ports and a throwaway data folder. With PORTAL_URL set, the
 * tests use that running product instead.
 */
export default async function startProduct(project: TestProject) {
  if (process.env.PORTAL_URL) {
    project.provide('portalUrl', process.env.PORTAL_URL);
    project.provide('productLog', process.env.PRODUCT_LOG ?? '');
    project.provide('ssoDnsPort', Number(process.env.SSO_DNS_PORT ?? 0));
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-e2e-'));
  fs.chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as the postgres user when we are root
  const port = await freePort();
  // Chosen here, as the product reads it once at start; the single sign-on test answers on it.
  const dnsPort = await freeUdpPort();
  const api = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      DEMO_DATA: 'on',
      LOG_LEVEL: 'warn',
      // The webhooks test's receiver listens on loopback, and should not wait the default poll for its delivery.
      WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'on',
      WEBHOOK_POLL_MS: '200',
      SSO_DNS_SERVERS: `127.0.0.1:${dnsPort}`,
      // The test's identity provider listens on loopback, which the product otherwise refuses to call.
      SSO_ALLOW_PRIVATE_ADDRESSES: 'on',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  // The product prints each mail it would send (outside production); tests follow sign-up links from here.
  const log = path.join(dataDir, 'product.log');
  api.stdout?.on('data', (chunk) => {
    output.push(String(chunk));
    fs.appendFileSync(log, chunk);
  });
  api.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, api);
  } catch (error) {
    await stop(api);
    throw new Error(`The product did not start: ${String(error)}\n${output.join('')}`);
  }
  project.provide('portalUrl', url);
  project.provide('productLog', log);
  project.provide('ssoDnsPort', dnsPort);
  return async () => {
    await stop(api);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

async function waitUntilReady(url: string, api: ChildProcess) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`exited with ${api.exitCode}`);
    try {
      const [ready, page] = await Promise.all([fetch(`${url}/readyz`), fetch(`${url}/sign-in`)]);
      if (ready.ok && page.ok && (await page.text()).includes('<div id="root">')) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('timed out after 90 s');
}

/** SIGTERM lets the API finish and stop its PostgreSQL cleanly, as Ctrl-C does. */
async function stop(api: ChildProcess) {
  if (api.exitCode !== null) return;
  api.unref();
  const exited = new Promise((resolve) => api.once('exit', resolve));
  api.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (api.exitCode === null && api.pid) process.kill(-api.pid, 'SIGKILL');
  api.stdout?.destroy();
  api.stderr?.destroy();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}
