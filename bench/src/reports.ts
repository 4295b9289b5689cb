import pg from 'pg';
import type { ChildServer } from './child-server.js';
import { post } from './post.js';

/**
 * `BENCH_SCENARIOS=reports npm run bench`: the programme report of a large client (#16's figure: a 30-page PDF,
 * p95 ≤ 2 s on this machine, memory noted). The measured consultancy's first client is grown to report size with
 * open actions and milestones written as the owner, as generate.ts writes everything; then its consultant makes the
 * PDF and downloads it, one report at a time (a person waits for one file), and the workbook the same way.
 */
const CREATE = `mutation ($input: CreateProgrammeReportInput!) {
  createProgrammeReport(input: $input) { report { id sha256 } downloadUrl userErrors { field message } } }`;

const EXTRA_ACTIONS = 500;
const EXTRA_MILESTONES = 190;

export interface ReportTiming {
  format: 'PDF' | 'XLSX';
  pages: number | null;
  bytes: number;
  p50: number;
  p95: number;
  max: number;
  rssBeforeMb: number;
  rssAfterMb: number;
}

async function growClient(ownerUrl: string, tenantId: string, clientId: string): Promise<void> {
  const db = new pg.Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    const [owner] = (
      await db.query(
        `SELECT owner_id, created_by FROM actions WHERE tenant_id = $1 AND client_id = $2 LIMIT 1`,
        [tenantId, clientId],
      )
    ).rows as { owner_id: string; created_by: string }[];
    const [engagement] = (
      await db.query(`SELECT id FROM engagements WHERE tenant_id = $1 AND client_id = $2 LIMIT 1`, [
        tenantId,
        clientId,
      ])
    ).rows as { id: string }[];
    if (!owner || !engagement) throw new Error('The bench client has no action or engagement to grow from.');
    await db.query(
      `INSERT INTO actions (tenant_id, id, client_id, description, owner_id, due_on, status, priority, revision,
                            created_by, created_at, updated_at)
       SELECT $1, gen_random_uuid(), $2,
              'Bench follow-up ' || g || ': agree with the team lead how the new call-back standard is checked',
              $3, date '2026-09-01' + (g % 150), CASE WHEN g % 3 = 0 THEN 'IN_PROGRESS' ELSE 'OPEN' END,
              (ARRAY['LOW', 'MEDIUM', 'HIGH'])[1 + g % 3], 1, $4, now(), now()
         FROM generate_series(1, $5::int) g`,
      [tenantId, clientId, owner.owner_id, owner.created_by, EXTRA_ACTIONS],
    );
    await db.query(
      `INSERT INTO milestones (tenant_id, id, client_id, engagement_id, title, due_on, created_at)
       SELECT $1, gen_random_uuid(), $2, $3, 'Bench checkpoint ' || g, date '2026-06-01' + g * 7, now()
         FROM generate_series(1, $4::int) g`,
      [tenantId, clientId, engagement.id, EXTRA_MILESTONES],
    );
  } finally {
    await db.end();
  }
}

/** pdfkit writes each page's dictionary uncompressed: `/Type /Page` (not `/Pages`) once per page. */
function pageCount(file: Buffer): number {
  return file.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export async function reportScenario(options: {
  api: ChildServer;
  ownerUrl: string;
  token: string;
  tenantId: string;
  clientId: string;
  rounds: number;
}): Promise<ReportTiming[]> {
  await growClient(options.ownerUrl, options.tenantId, options.clientId);
  const timings: ReportTiming[] = [];
  for (const format of ['PDF', 'XLSX'] as const) {
    const make = async () => {
      const started = performance.now();
      const answer = await post(
        options.api.url,
        CREATE,
        { input: { clientId: options.clientId, format } },
        options.token,
      );
      const payload = answer.data.createProgrammeReport as {
        downloadUrl: string | null;
        userErrors: unknown[];
      };
      if (!payload.downloadUrl) throw new Error(`report refused: ${JSON.stringify(payload.userErrors)}`);
      const file = Buffer.from(await (await fetch(payload.downloadUrl)).arrayBuffer());
      return { milliseconds: performance.now() - started, file };
    };
    const warm = await make();
    const rssBefore = options.api.rssBytes();
    const durations: number[] = [];
    for (let round = 0; round < options.rounds; round++) durations.push((await make()).milliseconds);
    durations.sort((a, b) => a - b);
    timings.push({
      format,
      pages: format === 'PDF' ? pageCount(warm.file) : null,
      bytes: warm.file.length,
      p50: percentile(durations, 50),
      p95: percentile(durations, 95),
      max: durations.at(-1) ?? NaN,
      rssBeforeMb: rssBefore / 2 ** 20,
      rssAfterMb: options.api.rssBytes() / 2 ** 20,
    });
  }
  return timings;
}

export function reportLines(timings: readonly ReportTiming[], rounds: number): void {
  for (const t of timings) {
    const what = t.format === 'PDF' ? `PDF of ${t.pages} pages` : 'workbook';
    console.log(
      `  programme report, ${what} (${(t.bytes / 1024).toFixed(0)} KB), made and downloaded ${rounds} times one at a time: ` +
        `p50 ${t.p50.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms, max ${t.max.toFixed(0)} ms` +
        (t.format === 'PDF' ? ' (target p95 ≤ 2,000 ms)' : '') +
        `; API RSS ${t.rssBeforeMb.toFixed(0)} → ${t.rssAfterMb.toFixed(0)} MB`,
    );
  }
}
