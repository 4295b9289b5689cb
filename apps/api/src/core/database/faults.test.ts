import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities, modules } from '../../modules/index.js';
import { createApi } from '../server.js';
import { signUpTokenIn } from '../../modules/accounts/index.js';
import { createAppDataSource, migrate } from './data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.js';
import { ensureApiLogin, ensureDatabase } from './provision.js';

/**
 * Faults on a PostgreSQL of this file's own (it gets killed): what the API acknowledged survives, what was in
 * flight fails clearly and whole, and the API comes back by itself.
 */
let dataDir: string;
let database: EmbeddedDatabase;
let url: string;
let server: Server;
let stopApi: () => Promise<void>;
let ownerUrl: string;
let token: string;
let clientId: string;

const port = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

async function graphql<T>(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    ...((await response.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] }),
  };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-faults-'));
  fs.chmodSync(dataDir, 0o755);
  database = await startEmbeddedPostgres({ dataDir, port: await port() });
  await ensureDatabase(database.ownerUrl('postgres'), 'csp');
  ownerUrl = database.ownerUrl('csp');
  await migrate(ownerUrl);
  const dataSource = createAppDataSource(await ensureApiLogin(ownerUrl), entities, { poolSize: 8 });
  await dataSource.initialize();
  const api = await createApi({
    dataSource,
    modules,
    production: false,
    sessionDays: 1,
    rateLimit: { points: 1e6, windowSeconds: 60 },
  });
  server = await new Promise((resolve) => {
    const listening = api.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  stopApi = async () => {
    await api.stop(server);
    await dataSource.destroy();
  };
  await graphql(
    'mutation { signUp(input: { consultancyName: "Fault Lines", name: "Fay", email: "fay@faults.example", password: "long enough password" }) { confirmationSent } }',
  );
  const confirmed = await graphql<{ confirmSignUp: { token: string } }>(
    'mutation ($input: ConfirmSignUpInput!) { confirmSignUp(input: $input) { token } }',
    { input: { token: await signUpLinkOf('fay@faults.example'), password: 'long enough password' } },
  );
  token = confirmed.data!.confirmSignUp.token;
  const client = await graphql<{ createClient: { client: { id: string } } }>(
    'mutation { createClient(input: { name: "Steady Client", industry: RETAIL }) { client { id } } }',
  );
  clientId = client.data!.createClient.client.id;
}, 120_000);

/** The sign-up link the API queued for an address, read from the pre-tenant outbox as the owner. */
async function signUpLinkOf(email: string): Promise<string> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ text: string }>(
      'SELECT text FROM pre_tenant_mail WHERE to_address = $1 ORDER BY queued_at DESC LIMIT 1',
      [email],
    );
    return signUpTokenIn(rows[0]?.text ?? '') ?? '';
  } finally {
    await owner.end();
  }
}

afterAll(async () => {
  await stopApi();
  await database.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Kills the postmaster the way a crash would (immediate shutdown: no checkpoint, recovery on restart). */
function crashPostgres() {
  const pid = Number(
    fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  process.kill(pid, 'SIGQUIT');
}

const CREATE = `mutation ($input: CreateEngagementInput!) {
  createEngagement(input: $input) { engagement { id } userErrors { field message } }
}`;

describe('PostgreSQL killed during a stream of writes', () => {
  it('keeps every acknowledged write, fails the rest clearly and whole, and recovers without a restart', async () => {
    const acknowledged: string[] = [];
    const refusedCodes: string[] = [];
    let stop = false;
    let sent = 0;
    const writer = async () => {
      while (!stop) {
        sent++;
        const response = await graphql<{ createEngagement: { engagement: { id: string } | null } }>(CREATE, {
          input: {
            clientId,
            title: `Stream ${sent}`,
            kind: 'TRAINING',
            milestones: [1, 2, 3].map((n) => ({ title: `Step ${n}`, dueOn: '2027-01-0' + n })),
          },
        }).catch(() => ({ status: 0, data: undefined, errors: [{ extensions: { code: 'NETWORK' } }] }));
        const id = response.data?.createEngagement?.engagement?.id;
        if (id) acknowledged.push(id);
        else refusedCodes.push(String(response.errors?.[0]?.extensions?.code));
      }
    };
    const writers = [writer(), writer(), writer()];
    await new Promise((resolve) => setTimeout(resolve, 800));
    crashPostgres();
    await new Promise((resolve) => setTimeout(resolve, 600));
    const readyWhileDown = await fetch(`${url}/readyz`);
    expect(readyWhileDown.status).toBe(503);
    await database.restart();
    // The API heals by itself: within a few seconds, writes are acknowledged again.
    const deadline = Date.now() + 20_000;
    const before = acknowledged.length;
    while (acknowledged.length < before + 5 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    stop = true;
    await Promise.all(writers);

    console.log(
      `database crash: ${acknowledged.length} writes acknowledged, ${refusedCodes.length} refused while it was down`,
    );
    expect(acknowledged.length).toBeGreaterThan(before);
    expect(refusedCodes.length).toBeGreaterThan(0);
    expect(new Set(refusedCodes)).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    const { rows } = await owner.query<{ id: string; milestones: number }>(
      `SELECT e.id, count(m.id)::int AS milestones FROM engagements e
         LEFT JOIN milestones m ON m.tenant_id = e.tenant_id AND m.engagement_id = e.id GROUP BY e.id`,
    );
    await owner.end();
    const stored = new Map(rows.map((r) => [r.id, r.milestones]));
    for (const id of acknowledged) expect(stored.get(id), id).toBe(3);
    // Nothing half-written: every engagement in the database has all three of its milestones.
    expect(rows.every((r) => r.milestones === 3)).toBe(true);
  }, 90_000);
});

/** Holds a row lock from the owner's side, so that an API statement touching that row waits until released. */
async function holdClientRow(id: string) {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  await owner.query('BEGIN');
  await owner.query('SELECT 1 FROM clients WHERE id = $1 FOR UPDATE', [id]);
  return async () => {
    await owner.query('ROLLBACK');
    await owner.end();
  };
}

const RENAME = `mutation ($id: ID!, $name: String!) {
  updateClient(input: { id: $id, name: $name }) { client { name } userErrors { field } }
}`;

describe('a statement that runs too long', () => {
  it('is cancelled by the statement timeout and answered with TIMEOUT, changing nothing', async () => {
    process.env.STATEMENT_TIMEOUT_MS = '300';
    const dataSource = createAppDataSource(
      await ensureApiLogin(ownerUrl, 'timeout-test-password'),
      entities,
      {
        poolSize: 2,
      },
    );
    delete process.env.STATEMENT_TIMEOUT_MS;
    await dataSource.initialize();
    const api = await createApi({ dataSource, modules, production: false, sessionDays: 1 });
    const slow: Server = await new Promise((resolve) => {
      const listening = api.app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const address = slow.address();
    const release = await holdClientRow(clientId);
    try {
      const response = await fetch(
        `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: RENAME, variables: { id: clientId, name: 'Never saved' } }),
        },
      );
      const body = (await response.json()) as {
        errors?: { message: string; extensions: { code: string } }[];
      };
      expect(body.errors?.[0]?.extensions.code).toBe('TIMEOUT');
      expect(body.errors?.[0]?.message).toMatch(/took too long/);
    } finally {
      await release();
      await api.stop(slow);
      await dataSource.destroy();
    }
    const check = await graphql<{ client: { name: string } }>(
      'query ($id: ID!) { client(id: $id) { name } }',
      {
        id: clientId,
      },
    );
    expect(check.data?.client.name).toBe('Steady Client');
  }, 30_000);
});

describe('graceful shutdown', () => {
  it('on SIGTERM under `npm start` (embedded database, no NODE_ENV) stops PostgreSQL too and exits', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-shutdown-'));
    fs.chmodSync(dataDir, 0o755);
    const apiPort = await port();
    const { NODE_ENV: _testEnv, DATABASE_URL: _url, MIGRATION_DATABASE_URL: _owner, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: {
        ...env,
        PORT: String(apiPort),
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await port()),
        DEMO_DATA: 'off',
        LOG_LEVEL: process.env.FAULT_LOG ?? 'silent',
      },
      stdio: process.env.FAULT_LOG ? 'inherit' : 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 150; i++) {
        if (
          await fetch(`http://127.0.0.1:${apiPort}/readyz`)
            .then((r) => r.ok)
            .catch(() => false)
        )
          break;
        await new Promise((r) => setTimeout(r, 200));
      }
      child.kill('SIGTERM');
      const code = await Promise.race([
        exited,
        new Promise((r) => setTimeout(() => r('still running'), 20_000)),
      ]);
      expect(code).toBe(0);
      expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('on SIGTERM stops accepting, finishes the request in flight, closes the pool and exits cleanly', async () => {
    const apiPort = await port();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: {
        ...process.env,
        PORT: String(apiPort),
        DATABASE_URL: await ensureApiLogin(ownerUrl, 'shutdown-test-password'),
        MIGRATION_DATABASE_URL: ownerUrl,
        DEMO_DATA: 'off',
        LOG_LEVEL: process.env.FAULT_LOG ?? 'silent',
        // As deployed: vitest's NODE_ENV=test would change what Apollo does on signals.
        NODE_ENV: 'production',
      },
      stdio: process.env.FAULT_LOG ? 'inherit' : 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const base = `http://127.0.0.1:${apiPort}`;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${base}/readyz`)
          .then((r) => r.ok)
          .catch(() => false)
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const release = await holdClientRow(clientId);
    const inFlight = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: RENAME, variables: { id: clientId, name: 'Renamed in flight' } }),
    }).then((r) => r.json() as Promise<{ data?: { updateClient: { client: { name: string } } } }>);
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    const refused = await fetch(`${base}/healthz`).then(
      () => 'answered',
      () => 'refused',
    );
    await release();
    const answer = await inFlight;
    expect(refused).toBe('refused');
    expect(answer.data?.updateClient.client.name).toBe('Renamed in flight');
    expect(await exited).toBe(0);
    await graphql(RENAME, { id: clientId, name: 'Steady Client' });
  }, 60_000);
});
