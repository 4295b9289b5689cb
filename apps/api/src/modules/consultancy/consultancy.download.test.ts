import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { addMember, type SignedIn } from '../../../test/factories.js';
import { GLOBAL_TABLES } from '../../../test/global-tables.js';
import { seed } from '../../../test/seed.js';
import { graphql } from '../../../test/generated/index.js';

/**
 * The consultancy's export as a streamed download (GET /exports/consultancy): any size, in bounded memory, the
 * same rows as the GraphQL export, and nothing of any other consultancy.
 */
let api: TestApi;

// A full collection on demand, to measure what is alive rather than what is merely not yet collected.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const EXPORT = graphql(`
  query ConsultancyDownloadExport {
    consultancyExport
  }
`);

interface ExportLine {
  type: 'export' | 'row' | 'end';
  table?: string;
  row?: Record<string, unknown>;
  rows?: Record<string, number>;
  tenantId?: string;
  format?: string;
  version?: number;
}

/** Reads the download line by line as it arrives, keeping only what `take` keeps: the test holds no whole body. */
async function download(
  who: { token: string },
  take: (line: ExportLine, text: string) => void,
): Promise<{ status: number; headers: Headers; bytes: number }> {
  const response = await fetch(`${api.url}/exports/consultancy`, {
    headers: { authorization: `Bearer ${who.token}` },
  });
  let bytes = 0;
  if (response.status === 200 && response.body) {
    const decoder = new TextDecoder();
    let rest = '';
    for await (const chunk of response.body) {
      bytes += chunk.byteLength;
      rest += decoder.decode(chunk, { stream: true });
      const lines = rest.split('\n');
      rest = lines.pop() ?? '';
      for (const text of lines) take(JSON.parse(text) as ExportLine, text);
    }
    expect(rest).toBe('');
  } else {
    await response.text();
  }
  return { status: response.status, headers: response.headers, bytes };
}

async function tenantTables(): Promise<string[]> {
  const rows = await api.ownerQuery<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'`,
  );
  return rows
    .map((r) => r.table_name)
    .filter((table) => !GLOBAL_TABLES.includes(table))
    .sort();
}

/** A client with a published charter and a service level, with `intervals` quarter hours measured (as the owner). */
async function measuredConsultancy(intervals: number) {
  const world = await seed(api).consultancy().client().charter().serviceLevel();
  await api.ownerQuery(
    `INSERT INTO service_level_measurements
       (tenant_id, service_level_id, client_id, starts_at, ends_at, good, valid, excluded, period_start)
     SELECT $1, $2, $3, at, at + interval '15 minutes', 40 + (n % 7), 50, n % 3, date_trunc('week', at)
       FROM generate_series(0, $4 - 1) AS n, LATERAL (SELECT timestamptz '2023-01-02 00:00Z' + n * interval '15 minutes' AS at) t`,
    [world.admin.tenantId, world.serviceLevel.id, world.client, intervals],
  );
  return world;
}

describe('downloading the consultancy’s export', () => {
  let large: Awaited<ReturnType<typeof measuredConsultancy>>;
  let neighbour: Awaited<ReturnType<typeof measuredConsultancy>>;
  beforeAll(async () => {
    large = await measuredConsultancy(80_000);
    neighbour = await measuredConsultancy(5_000);
  }, 120_000);

  it('gives all of a consultancy far over the 16 MB answer cap, in bounded memory, and none of another', async () => {
    // One JSON answer cannot hold it: this is what the download is for.
    const answer = await api.graphql(EXPORT, {}, large.admin);
    expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');

    const counted: Record<string, number> = {};
    const tenants = new Set<string>();
    let first: ExportLine | undefined;
    let end: ExportLine | undefined;
    let lines = 0;
    let afterEnd = 0;
    // The API runs in this process: its heap is this heap. What is still alive (after a full collection) is
    // sampled every few thousand lines while the rows stream through.
    const liveHeap = () => {
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    const baseline = liveHeap();
    let peak = baseline;
    const result = await download(large.admin, (line, text) => {
      lines++;
      if (end) afterEnd++;
      if (text.includes(neighbour.admin.tenantId)) tenants.add(neighbour.admin.tenantId);
      if (line.type === 'export') first = line;
      else if (line.type === 'end') end = line;
      else {
        counted[line.table!] = (counted[line.table!] ?? 0) + 1;
        tenants.add(line.row!.tenant_id as string);
      }
      if (lines % 4000 === 0) peak = Math.max(peak, liveHeap());
    });

    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(result.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?consultancy-export-\d{4}-\d\d-\d\d\.ndjson"?$/,
    );
    expect(result.bytes).toBeGreaterThan(24 * 1024 * 1024);
    expect(first).toMatchObject({
      format: 'csp.consultancy-export',
      version: 1,
      tenantId: large.admin.tenantId,
    });
    expect(tenants).toEqual(new Set([large.admin.tenantId]));

    // Every table is named at the end, with as many rows as came, which are all the consultancy has.
    expect(afterEnd).toBe(0);
    const tables = await tenantTables();
    expect(Object.keys(end!.rows!).sort()).toEqual(tables);
    for (const table of tables) {
      expect(end!.rows![table], table).toBe(counted[table] ?? 0);
      // The trail's entry for this download is written first, in its transaction: the download holds it too.
      expect(counted[table] ?? 0, table).toBe(await api.countRows(table, large.admin.tenantId));
    }
    expect(counted.service_level_measurements).toBe(80_000);
    expect(lines).toBe(Object.values(counted).reduce((a, b) => a + b, 0) + 2);

    const growth = peak - baseline;
    console.log(
      `download: ${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${lines} lines; ` +
        `live heap at most ${(growth / 1024 / 1024).toFixed(1)} MB above where it started`,
    );
    // Holding the rows (as objects, then as one string) would take several times the download's size; a few
    // batches in flight (the API's, the sockets', the reader's) are a small part of it.
    expect(growth).toBeLessThan(result.bytes / 8);
  }, 120_000);

  it('records who downloaded it in the activity trail', async () => {
    const rows = await api.ownerQuery<{ action: string; object_type: string; changed_fields: string[] }>(
      `SELECT action, object_type, changed_fields FROM activity_trail
        WHERE tenant_id = $1 AND action = 'downloadConsultancyExport' AND actor_member_id = $2 ORDER BY occurred_at`,
      [large.admin.tenantId, large.admin.memberId],
    );
    expect(rows).toEqual([
      { action: 'downloadConsultancyExport', object_type: 'consultancy', changed_fields: [] },
    ]);
  });
});

describe('the download and the GraphQL export', () => {
  it('hold the same rows, table by table', async () => {
    const small = await seed(api).consultancy().client().leader().charter().serviceLevel();
    const answer = await api.graphql(EXPORT, {}, small.admin);
    const exported = answer.data.consultancyExport as { tables: Record<string, unknown[]>; tenantId: string };
    const downloaded: Record<string, unknown[]> = {};
    await download(small.admin, (line) => {
      if (line.type === 'row') (downloaded[line.table!] ??= []).push(line.row);
      if (line.type === 'end') for (const table of Object.keys(line.rows!)) downloaded[table] ??= [];
    });
    // The trail has one more entry: the download's own (the GraphQL export records none).
    const { activity_trail: trailThen, ...restThen } = exported.tables;
    const { activity_trail: trailNow, ...restNow } = downloaded;
    expect(restNow).toEqual(restThen);
    expect(trailNow).toEqual(expect.arrayContaining(trailThen!));
    expect(trailNow).toHaveLength(trailThen!.length + 1);
    expect(JSON.stringify(downloaded)).not.toMatch(/password_hash|token_hash|secret_hash|\$argon2|whsec_/);
  });
});

describe('who may download it', () => {
  let admin: SignedIn;
  beforeAll(async () => {
    ({ admin } = await seed(api).consultancy().client());
  });

  it('is the admins only, as for the GraphQL export', async () => {
    const consultant = await addMember(api, admin, 'CONSULTANT');
    const refused = await fetch(`${api.url}/exports/consultancy`, {
      headers: { authorization: `Bearer ${consultant.token}` },
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      errors: [{ extensions: { code: 'FORBIDDEN', requires: 'consultancy:manage' } }],
    });
    const anonymous = await fetch(`${api.url}/exports/consultancy`);
    expect(anonymous.status).toBe(401);
  });

  it('is not an API key’s, whatever its scopes', async () => {
    const created = await api.graphql(
      graphql(`
        mutation ConsultancyDownloadCreateKey($input: CreateApiKeyInput!) {
          createApiKey(input: $input) {
            secret
          }
        }
      `),
      { input: { name: 'warehouse', scopes: ['CLIENTS_READ', 'SERVICE_LEVELS_READ', 'AUDITS_READ'] } },
      admin,
    );
    const response = await fetch(`${api.url}/exports/consultancy`, {
      headers: { authorization: `Bearer ${created.data.createApiKey.secret}` },
    });
    expect(response.status).toBe(403);
  });

  it('takes the portal’s session cookie, so a plain link downloads it', async () => {
    const response = await fetch(`${api.url}/exports/consultancy`, {
      headers: { cookie: `csp_session=${admin.token}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text.trimEnd().split('\n').at(-1)!)).toMatchObject({ type: 'end' });
  });
});
