import http from 'node:http';
import pg from 'pg';
import {
  auditDeltas,
  industryBenchmark,
  scoreAudit,
  type AuditFramework,
  type AuditResponse,
  type AuditScore,
  type IndustryBenchmark,
} from '@csp/domain';
import { readToken } from '../../apps/api/src/core/auth/tokens.js';

/**
 * The limit server (issue #15): what the bench's reads cost with nothing but `node:http` and `pg` between the
 * socket and PostgreSQL, so the API's figures can be read as a ratio to the least this machine can do for the
 * same answer. It keeps what the product may not drop and nothing else:
 *
 * - it connects as the API's role (`csp_api`), so row-level security applies;
 * - each request is one transaction of the API's kind: BEGIN, the tenant set with `set_config(…, true)` as
 *   `core/tenancy/request-database.ts` sets it, the answer, COMMIT;
 * - the bearer session token is resolved as `core/auth/authenticate.ts` resolves it (the tenant read off the
 *   token with the API's own `readToken`, the session looked up by its hash under RLS), but inside the answer's
 *   statement, not in one of its own. It serves the consultancy's own staff only: a session fenced to one client
 *   (a client leader) is answered 401 like an unknown one, and roles are not checked (the bench signs in as an admin).
 *
 * Each answer is one named (prepared) statement: 4 statements per request with BEGIN and COMMIT. The clients
 * page is built whole as JSON text by PostgreSQL and written out as it comes. The audit's figures (scores, deltas,
 * benchmark) are computed in JS by the same pure functions of `@csp/domain` the API calls, over the rows that one
 * statement returns: writing the domain's weighting, flags and banding again in SQL would measure a copy of the
 * rules, not the rules.
 *
 * Routes: `POST /clients` (the bench's CLIENTS) and `POST /audit` with the API's body (`variables.id`), each
 * answering `{"data": …}` as the API's `data` for the same query, with `x-sql-statements` as the API sends it.
 */

const SET_TENANT = `SELECT set_config('app.tenant_id', $1, true), set_config('app.client_id', $2, true)`;

/** The session, as authenticate.ts looks it up: not revoked, not expired; and not fenced to a client. */
const VIEWER = `
  viewer AS (
    SELECT u.id FROM sessions s JOIN users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
     WHERE s.tenant_id = $1 AND s.token_hash = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
       AND u.client_id IS NULL)`;

/** `clients(first: 50)` by name, each client's engagements newest first, their milestones by due date. */
const CLIENTS_SQL = `
  WITH ${VIEWER},
  page AS (SELECT id, name, industry FROM clients WHERE tenant_id = $1 ORDER BY name, id LIMIT 50)
  SELECT EXISTS (SELECT 1 FROM viewer) AS signed_in,
         json_build_object('clients', json_build_object('nodes', coalesce((
           SELECT json_agg(json_build_object(
                    'id', c.id, 'name', c.name, 'industry', c.industry,
                    'engagements', coalesce((
                      SELECT json_agg(json_build_object(
                               'id', e.id, 'title', e.title, 'status', e.status,
                               'milestones', coalesce((
                                 SELECT json_agg(json_build_object(
                                          'id', m.id, 'title', m.title, 'dueOn', m.due_on, 'done', m.done_at IS NOT NULL)
                                          ORDER BY m.due_on, m.id)
                                   FROM milestones m WHERE m.tenant_id = $1 AND m.engagement_id = e.id), '[]'::json))
                               ORDER BY e.created_at DESC, e.id DESC)
                        FROM engagements e WHERE e.tenant_id = $1 AND e.client_id = c.id), '[]'::json))
                    ORDER BY c.name, c.id)
             FROM page c WHERE EXISTS (SELECT 1 FROM viewer)), '[]'::json)))::text AS data`;

/**
 * One audit with what its figures need: its responses, the client's previous published audit on the same
 * framework key (ordered as scores.ts orders audits: date conducted, creation to the millisecond as JS reads it,
 * id) with its responses, and, when no benchmark is stored, the other clients' rows from the API's own
 * `industry_benchmark_rows` (as of its publication for a published audit, as loaders.ts asks).
 */
const AUDIT_SQL = `
  WITH ${VIEWER},
  a AS (SELECT * FROM audits WHERE tenant_id = $1 AND id = $3 AND EXISTS (SELECT 1 FROM viewer)),
  c AS (SELECT cl.id, cl.industry FROM clients cl JOIN a ON cl.tenant_id = $1 AND cl.id = a.client_id),
  p AS (SELECT b.id, b.framework FROM audits b JOIN a
           ON b.tenant_id = $1 AND b.client_id = a.client_id AND b.status = 'PUBLISHED'
          AND b.framework_key = a.framework_key
          AND (b.conducted_on, date_trunc('milliseconds', b.created_at), b.id)
            < (a.conducted_on, date_trunc('milliseconds', a.created_at), a.id)
        ORDER BY b.conducted_on DESC, date_trunc('milliseconds', b.created_at) DESC, b.id DESC LIMIT 1)
  SELECT EXISTS (SELECT 1 FROM viewer) AS signed_in, (
    SELECT json_build_object(
      'id', a.id, 'title', a.title, 'status', a.status, 'framework', a.framework, 'benchmark', a.benchmark,
      'industry', c.industry,
      'responses', (SELECT coalesce(json_agg(json_build_object(
                      'criterionKey', r.criterion_key, 'score', CASE WHEN r.not_applicable THEN NULL ELSE r.score END)),
                      '[]'::json)
                      FROM audit_responses r WHERE r.tenant_id = $1 AND r.audit_id = a.id),
      'previous', (SELECT json_build_object('framework', p.framework, 'responses', (
                     SELECT coalesce(json_agg(json_build_object(
                              'criterionKey', r.criterion_key,
                              'score', CASE WHEN r.not_applicable THEN NULL ELSE r.score END)), '[]'::json)
                       FROM audit_responses r WHERE r.tenant_id = $1 AND r.audit_id = p.id)) FROM p),
      'benchmarkRows', CASE WHEN a.benchmark IS NULL THEN (
                     SELECT coalesce(json_agg(json_build_object(
                              'overall', b.overall, 'sectionScores', coalesce(b.section_scores, '[]'::jsonb))), '[]'::json)
                       FROM industry_benchmark_rows($1, a.framework_key, c.industry, c.id,
                              CASE WHEN a.status = 'PUBLISHED' THEN date_trunc('milliseconds', a.published_at) END) b)
                     END)
      FROM a JOIN c ON true) AS audit`;

/** BEGIN, the tenant, the answer's one statement, COMMIT: counted as the API counts its own. */
const STATEMENTS_PER_REQUEST = 4;

interface ScoredRows {
  framework: AuditFramework;
  responses: { criterionKey: string; score: number | null }[];
}

interface AuditRows extends ScoredRows {
  id: string;
  title: string;
  status: string;
  industry: string;
  benchmark: (IndustryBenchmark & { industry: string }) | null;
  previous: ScoredRows | null;
  benchmarkRows: { overall: number; sectionScores: { key: string; score: number | null }[] }[] | null;
}

const scoresOf = (rows: ScoredRows) =>
  scoreAudit(
    rows.framework,
    rows.responses.map((r): AuditResponse => ({
      criterionKey: r.criterionKey,
      score: r.score as AuditScore | null,
    })),
  );

/** The bench's AUDIT selection, from the domain's figures as the API's resolvers give them. */
function auditAnswer(rows: AuditRows) {
  const scores = scoresOf(rows);
  const deltas = rows.previous ? auditDeltas(scores, scoresOf(rows.previous)) : null;
  // As benchmarks.ts's benchmarkFrom: each row is already another client's latest audit, labelled apart.
  const benchmark =
    rows.benchmark ??
    (rows.benchmarkRows
      ? {
          ...industryBenchmark(
            '',
            rows.benchmarkRows.map((row, index) => ({
              clientId: `other-${index}`,
              on: '',
              scores: { frameworkKey: 'benchmark', overall: row.overall, sections: row.sectionScores },
            })),
          ),
          industry: rows.industry,
        }
      : null);
  const figure = (f: IndustryBenchmark['overall']) =>
    f
      ? { lowerQuartile: f.lowerQuartile, median: f.median, upperQuartile: f.upperQuartile, count: f.count }
      : null;
  return {
    audit: {
      id: rows.id,
      title: rows.title,
      status: rows.status,
      scores: {
        overall: scores.overall,
        flagged: scores.flagged,
        answered: scores.answered,
        total: scores.total,
        sections: scores.sections.map((s) => ({ key: s.key, score: s.score })),
      },
      deltas: deltas && {
        overall: {
          current: deltas.overall.current,
          previous: deltas.overall.previous,
          change: deltas.overall.change,
        },
        sections: deltas.sections.map((s) => ({ key: s.key, change: s.change })),
      },
      benchmark: benchmark && {
        industry: benchmark.industry,
        contributors: benchmark.contributors,
        unavailableReason: benchmark.unavailableReason ?? null,
        overall: figure(benchmark.overall),
        sections: benchmark.sections.map((s) => ({
          key: s.key,
          figure: s.figure && { median: s.figure.median },
        })),
      },
    },
  };
}

function bearer(request: http.IncomingMessage): string | undefined {
  const authorization = request.headers.authorization;
  return authorization?.toLowerCase().startsWith('bearer ') ? authorization.slice(7).trim() : undefined;
}

async function body(request: http.IncomingMessage): Promise<{ variables?: { id?: unknown } }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length
    ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: { id?: unknown } })
    : {};
}

export async function startLimitServer(appUrl: string) {
  // The API's pool size (serve.ts).
  const pool = new pg.Pool({ connectionString: appUrl, max: 20 });
  pool.on('error', () => undefined);

  /** The request's transaction, as the API runs it; `work` runs the answer's one statement. */
  async function inTenant<T>(tenantId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query({ name: 'limit-tenant', text: SET_TENANT, values: [tenantId, ''] });
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  const send = (response: http.ServerResponse, status: number, text: string) => {
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'x-sql-statements': String(STATEMENTS_PER_REQUEST),
    });
    response.end(text);
  };
  const failure = (response: http.ServerResponse, status: number, message: string) =>
    send(response, status, JSON.stringify({ errors: [{ message }] }));

  const server = http.createServer((request, response) => {
    void (async () => {
      const token = readToken('session', bearer(request) ?? '');
      const requested = await body(request);
      if (request.method !== 'POST') return failure(response, 405, 'POST only');
      if (!token) return failure(response, 401, 'Sign in with a session token.');
      if (request.url === '/clients') {
        const { rows } = await inTenant(token.tenantId, (client) =>
          client.query<{ signed_in: boolean; data: string }>({
            name: 'limit-clients',
            text: CLIENTS_SQL,
            values: [token.tenantId, token.hash],
          }),
        );
        if (!rows[0]?.signed_in) return failure(response, 401, 'Sign in with a session token.');
        return send(response, 200, `{"data":${rows[0].data}}`);
      }
      if (request.url === '/audit') {
        const id = requested.variables?.id;
        if (typeof id !== 'string') return failure(response, 400, 'variables.id: an audit id');
        const { rows } = await inTenant(token.tenantId, (client) =>
          client.query<{ signed_in: boolean; audit: AuditRows | null }>({
            name: 'limit-audit',
            text: AUDIT_SQL,
            values: [token.tenantId, token.hash, id],
          }),
        );
        if (!rows[0]?.signed_in) return failure(response, 401, 'Sign in with a session token.');
        const audit = rows[0].audit;
        return send(response, 200, JSON.stringify({ data: audit ? auditAnswer(audit) : { audit: null } }));
      }
      return failure(response, 404, 'POST /clients or /audit');
    })().catch((error: unknown) => {
      if (!response.headersSent) failure(response, 500, String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
