import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { graphql } from '../../../test/generated/index.js';
import { signUpConsultancy, createClient } from '../../../test/factories.js';
import { DEMO_ACCOUNT } from '../../demo/demo-programme.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { standardFontText } from './report-pdf.js';

/**
 * The golden test (#16): the figures of the PDF's text and the workbook's cells are the figures GraphQL answers for
 * the same client, asked here independently of the report's own query. Written against the demo programme, which
 * has every section filled.
 */
const SIGN_IN = graphql(`
  mutation ReportsSignIn($input: LogInInput!) {
    logIn(input: $input) {
      token
    }
  }
`);

const CREATE = graphql(`
  mutation ReportsCreate($input: CreateProgrammeReportInput!) {
    createProgrammeReport(input: $input) {
      report {
        id
        format
        pageSize
        section
        fileName
        contentType
        sha256
        createdBy {
          name
        }
        client {
          id
        }
      }
      downloadUrl
      downloadExpiresAt
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const FIGURES = graphql(`
  query ReportsFigures($clientId: ID!) {
    client(id: $clientId) {
      name
      programmeReports {
        id
        sha256
      }
      charter {
        published {
          promises {
            title
            standard {
              target
            }
          }
        }
      }
      audits {
        title
        status
        conductedOn
        scores {
          overall
        }
      }
      serviceLevels {
        name
        periods(last: 12) {
          label
          compliance
          target
          valid
        }
      }
      complaintPatterns(months: 12) {
        months
        totals
      }
      feedbackSummary(months: 12) {
        kinds {
          kind
          overall {
            score
            responses
          }
        }
      }
      actions {
        description
        status
        dueOn
      }
      engagements {
        milestones {
          title
          dueOn
        }
      }
    }
  }
`);

const CLIENTS = graphql(`
  query ReportsClients {
    clients(first: 20) {
      nodes {
        id
        name
      }
    }
  }
`);

const TRAIL = graphql(`
  query ReportsTrail($objectId: ID!) {
    activity(objectId: $objectId) {
      nodes {
        action
        objectType
        objectId
      }
    }
  }
`);

let api: TestApi;
let admin: { token: string };
let leader: { token: string };
let harbourline: string;
let other: string;

async function signIn(email: string) {
  const answer = await api.graphql(SIGN_IN, { input: { email, password: DEMO_ACCOUNT.password } });
  return { token: answer.data.logIn.token! };
}

beforeAll(async () => {
  api = await startTestApi();
  await seedDemo(api.dataSource);
  admin = await signIn(DEMO_ACCOUNT.email);
  leader = await signIn('sam@harbourline.example');
  const clients = (await api.graphql(CLIENTS, {}, admin)).data.clients.nodes;
  harbourline = clients.find((client) => client.name === 'Harbourline Bank')!.id;
  other = clients.find((client) => client.name !== 'Harbourline Bank')!.id;
}, 180_000);
afterAll(() => api?.close());

async function download(url: string): Promise<{ status: number; body: Buffer; headers: Headers }> {
  const response = await fetch(url);
  return {
    status: response.status,
    body: Buffer.from(await response.arrayBuffer()),
    headers: response.headers,
  };
}

/** The PDF's text on one line per page, spaces collapsed: a figure is found whatever the layout around it. */
async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

const fixed = (value: number, decimals: number) => value.toFixed(decimals).replace(/^-(0\.?0*)$/, '$1');

describe('the programme report', () => {
  it('shows in its PDF every figure GraphQL answers for the client, and the file is the one its hash names', async () => {
    const made = await api.graphql(
      CREATE,
      { input: { clientId: harbourline, format: 'PDF', pageSize: 'LETTER' } },
      admin,
    );
    const payload = made.data.createProgrammeReport;
    expect(payload.userErrors).toEqual([]);
    expect(payload.report).toMatchObject({ format: 'PDF', pageSize: 'LETTER', section: null });
    expect(payload.report?.createdBy?.name).toBe(DEMO_ACCOUNT.name);
    const file = await download(payload.downloadUrl!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toContain(payload.report!.fileName);
    expect(createHash('sha256').update(file.body).digest('hex')).toBe(payload.report!.sha256);

    const text = await pdfText(file.body);
    const { client } = (await api.graphql(FIGURES, { clientId: harbourline }, admin)).data;
    const expected: string[] = [];
    for (const promise of client!.charter!.published!.promises) {
      expected.push(promise.title);
      if (promise.standard) expected.push(fixed(promise.standard.target, 1));
    }
    const published = client!.audits.filter((audit) => audit.status === 'PUBLISHED');
    expect(published.length).toBeGreaterThan(0);
    for (const audit of published) {
      expected.push(audit.title, audit.conductedOn);
      if (audit.scores.overall !== null) expected.push(fixed(audit.scores.overall, 1));
    }
    for (const level of client!.serviceLevels) {
      for (const period of level.periods) {
        expected.push(period.label, `${fixed(period.target * 100, 1)} %`, String(period.valid));
        if (period.compliance !== null) expected.push(`${fixed(period.compliance * 100, 1)} %`);
      }
    }
    expected.push(...client!.complaintPatterns.totals.map(String));
    for (const kind of client!.feedbackSummary.kinds.filter((k) => k.overall.responses > 0)) {
      const score = kind.overall.score;
      if (score !== null) expected.push(fixed(kind.kind === 'CSAT' ? score * 100 : score, 1));
      expected.push(String(kind.overall.responses));
    }
    for (const action of client!.actions.filter((a) => a.status !== 'DONE')) {
      if (action.dueOn) expected.push(action.dueOn);
    }
    for (const milestone of client!.engagements.flatMap((e) => e.milestones)) {
      expected.push(milestone.dueOn);
    }
    // The demo's Harbourline has every section filled, so each kind of figure above is really looked for.
    expect(client!.serviceLevels.length).toBeGreaterThan(0);
    expect(client!.complaintPatterns.totals.some((total) => total > 0)).toBe(true);
    expect(client!.feedbackSummary.kinds.some((kind) => kind.overall.responses > 0)).toBe(true);
    expect(expected.length).toBeGreaterThan(50);
    const open = client!.actions.filter((action) => action.status !== 'DONE').length;
    expected.push(`${open} open action${open === 1 ? '' : 's'}`);
    const missing = expected.filter((figure) => !text.includes(standardFontText(figure)));
    expect(missing).toEqual([]);
  });

  it('holds the same figures in the workbook’s typed cells', async () => {
    const made = await api.graphql(CREATE, { input: { clientId: harbourline, format: 'XLSX' } }, admin);
    const file = await download(made.data.createProgrammeReport.downloadUrl!);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const { client } = (await api.graphql(FIGURES, { clientId: harbourline }, admin)).data;

    const sheet = workbook.worksheets.find((candidate) => candidate.name.startsWith('Service levels'))!;
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const levels = client!.serviceLevels.flatMap((level) =>
      level.periods.map((period) => ({ level, period })),
    );
    expect(rows.filter(Boolean)).toHaveLength(levels.length);
    levels.forEach(({ level, period }, index) => {
      const row = rows[index]!;
      // getSheetValues rows are 1-based: [ , service level, promise, period, compliance, target, valid, status].
      expect(row[1]).toBe(level.name);
      expect(row[3]).toBe(period.label);
      expect(row[4] ?? null).toBe(period.compliance);
      expect(row[5]).toBe(period.target);
      expect(row[6]).toBe(period.valid);
    });

    const audits = workbook.worksheets.find((candidate) => candidate.name.startsWith('Service culture'))!;
    const auditRows = (audits.getSheetValues().slice(2) as unknown[][]).filter(Boolean);
    const published = client!.audits.filter((audit) => audit.status === 'PUBLISHED').reverse();
    expect(
      auditRows.map((row) => [row[1], (row[2] as Date).toISOString().slice(0, 10), row[4] ?? null]),
    ).toEqual(published.map((audit) => [audit.title, audit.conductedOn, audit.scores.overall]));
  });

  it('writes one section as CSV', async () => {
    const made = await api.graphql(
      CREATE,
      { input: { clientId: harbourline, format: 'CSV', section: 'MILESTONES' } },
      admin,
    );
    expect(made.data.createProgrammeReport.report).toMatchObject({ section: 'MILESTONES' });
    const file = await download(made.data.createProgrammeReport.downloadUrl!);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = file.body.toString('utf8');
    const { client } = (await api.graphql(FIGURES, { clientId: harbourline }, admin)).data;
    for (const milestone of client!.engagements.flatMap((e) => e.milestones)) {
      expect(text).toContain(milestone.dueOn);
    }
  });

  it('is recorded in the activity trail and kept with its hash', async () => {
    const made = await api.graphql(CREATE, { input: { clientId: harbourline, format: 'PDF' } }, admin);
    const report = made.data.createProgrammeReport.report!;
    const trail = await api.graphql(TRAIL, { objectId: report.id }, admin);
    expect(trail.data.activity.nodes).toEqual([
      { action: 'createProgrammeReport', objectType: 'programmeReport', objectId: report.id },
    ]);
    const { client } = (await api.graphql(FIGURES, { clientId: harbourline }, admin)).data;
    expect(client!.programmeReports[0]).toEqual({ id: report.id, sha256: report.sha256 });
  });
});

describe('who gets a report of what', () => {
  it('gives a client leader their own client only, without what is not published to them', async () => {
    const own = await api.graphql(CREATE, { input: { clientId: harbourline, format: 'PDF' } }, leader);
    expect(own.data.createProgrammeReport.userErrors).toEqual([]);
    const text = await pdfText((await download(own.data.createProgrammeReport.downloadUrl!)).body);
    const { client } = (await api.graphql(FIGURES, { clientId: harbourline }, admin)).data;
    for (const audit of client!.audits.filter((a) => a.status !== 'PUBLISHED')) {
      expect(text).not.toContain(standardFontText(audit.title));
    }

    const elsewhere = await api.graphql(CREATE, { input: { clientId: other, format: 'PDF' } }, leader);
    expect(elsewhere.data.createProgrammeReport).toMatchObject({
      report: null,
      downloadUrl: null,
      userErrors: [{ field: 'clientId', code: 'NOT_FOUND' }],
    });
  });

  it('answers another consultancy’s client exactly like an unknown id', async () => {
    const stranger = await signUpConsultancy(api);
    const theirs = await createClient(api, stranger, { name: 'Elsewhere Ltd' });
    const answers = await Promise.all(
      [theirs, '00000000-0000-4000-8000-000000000000', 'not-an-id'].map(async (clientId) => {
        const answer = await api.graphql(CREATE, { input: { clientId, format: 'XLSX' } }, admin);
        return answer.data.createProgrammeReport;
      }),
    );
    for (const answer of answers) {
      expect(answer).toEqual({
        report: null,
        downloadUrl: null,
        downloadExpiresAt: null,
        userErrors: [{ field: 'clientId', code: 'NOT_FOUND', message: 'No client has this id.' }],
      });
    }
  });

  it('refuses a CSV without a section, a section or page size a format does not have', async () => {
    const cases = [
      [{ format: 'CSV' }, 'section', 'REQUIRED'],
      [{ format: 'PDF', section: 'AUDITS' }, 'section', 'NOT_ALLOWED'],
      [{ format: 'XLSX', pageSize: 'A4' }, 'pageSize', 'NOT_ALLOWED'],
    ] as const;
    for (const [input, field, code] of cases) {
      const answer = await api.graphql(CREATE, { input: { clientId: harbourline, ...input } }, admin);
      expect(answer.data.createProgrammeReport.userErrors).toMatchObject([{ field, code }]);
    }
    const [count] = await api.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM programme_reports WHERE section IS NOT NULL AND format <> 'CSV'`,
    );
    expect(count?.n).toBe(0);
  });
});

describe('the download link', () => {
  it('answers 404, the same for each, to a wrong token, another tenant, an expired link and nonsense', async () => {
    const made = await api.graphql(CREATE, { input: { clientId: harbourline, format: 'PDF' } }, admin);
    const url = new URL(made.data.createProgrammeReport.downloadUrl!);
    const [, , tenant, report, token] = url.pathname.split('/');
    const stranger = await signUpConsultancy(api);
    const wrong = [
      `${url.origin}/reports/${tenant}/${report}/${token}x`,
      `${url.origin}/reports/${stranger.tenantId}/${report}/${token}`,
      `${url.origin}/reports/${tenant}/${report}/${'a'.repeat(500)}`,
      `${url.origin}/reports/not-a-tenant/${report}/${token}`,
    ];
    const bodies = new Set<string>();
    for (const link of wrong) {
      const answer = await download(link);
      expect(answer.status).toBe(404);
      bodies.add(JSON.parse(answer.body.toString()).errors[0].extensions.code);
    }
    expect([...bodies]).toEqual(['NOT_FOUND']);

    expect((await download(url.toString())).status).toBe(200);
    await api.ownerQuery(
      `UPDATE programme_reports SET download_expires_at = now() - interval '1 second' WHERE id = $1`,
      [report],
    );
    expect((await download(url.toString())).status).toBe(404);
  });
});
