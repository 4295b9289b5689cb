import { createHash } from 'node:crypto';
import pg from 'pg';
import { load, type LoadResult } from './load.js';
import { post } from './post.js';

/**
 * `BENCH_SCENARIOS=feedback npm run bench`: the issue's two feedback figures.
 *
 * 1. Public submissions from 50 concurrent senders, challenge verification included: each request carries a fresh
 *    challenge solved beforehand (the sender's own work is not the server's figure), so every measured answer is a
 *    full verification (signature, SHA-256, expiry, the link), the limits' bookkeeping, and the insert with its
 *    replay check. The API runs with the per-address and per-link limits raised out of the way (all senders are
 *    127.0.0.1) and small challenges (FEEDBACK_CHALLENGE_MAX_NUMBER=1000: verifying costs the same whatever the size).
 * 2. The client's feedback summary (12 months: per kind, month and touch point, with intervals and significance)
 *    over 100,000 answers of one link, read by its consultant.
 */

export const FEEDBACK_API_ENV: Record<string, string> = {
  FEEDBACK_CHALLENGE_MAX_NUMBER: '1000',
  FEEDBACK_PER_ADDRESS_PER_HOUR: '100000000',
  FEEDBACK_PER_LINK_PER_MINUTE: '100000000',
  RATE_LIMIT_REQUESTS: '100000000',
};

export const SENDERS = 50;
const ANSWERS = 100_000;

const CREATE_LINK = `mutation ($clientId: ID!) { createFeedbackLink(input: { clientId: $clientId, kind: NPS }) { feedbackLink { id url } userErrors { message } } }`;
const FORM = `query ($token: String!) { feedbackForm(token: $token) { challenge { algorithm challenge maxNumber salt signature } } }`;
const SUBMIT = `mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { received userErrors { field } } }`;
export const SUMMARY = `query ($id: ID!) { client(id: $id) { feedbackSummary(months: 12) { kinds { kind
  overall { responses shown score low high margin }
  months { month score { responses shown score margin } change { difference significant direction } }
  touchPoints { touchPointId score { responses score } } } } } }`;

interface Challenge {
  algorithm: string;
  challenge: string;
  maxNumber: number;
  salt: string;
  signature: string;
}

function solve(challenge: Challenge): string {
  for (let n = 0; n <= challenge.maxNumber; n++) {
    if (
      createHash('sha256')
        .update(challenge.salt + n)
        .digest('hex') === challenge.challenge
    ) {
      return Buffer.from(JSON.stringify({ ...challenge, maxNumber: undefined, number: n })).toString(
        'base64',
      );
    }
  }
  throw new Error('unsolvable challenge');
}

async function solvedChallenges(url: string, token: string, count: number): Promise<string[]> {
  const solved: string[] = [];
  const worker = async () => {
    while (solved.length < count) {
      const form = await post(url, FORM, { token });
      const challenge = (form.data.feedbackForm as { challenge: Challenge }).challenge;
      solved.push(solve(challenge));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return solved;
}

let link: Awaited<ReturnType<typeof post>> | null = null;
let inserted = false;

export async function feedbackScenarios(options: {
  url: string;
  ownerUrl: string;
  consultantToken: string;
  clientId: string;
  seconds: number;
  connections: number;
}): Promise<{ submissions: LoadResult; summary: LoadResult }> {
  // One link for the run: a later size reuses it, so the summary reads 100,000 answers at every size.
  const made =
    link ?? (await post(options.url, CREATE_LINK, { clientId: options.clientId }, options.consultantToken));
  link = made;
  const created = (made.data.createFeedbackLink as { feedbackLink: { id: string; url: string } })
    .feedbackLink;
  const publicToken = created.url.split('/feedback/')[1]!;
  const firstRun = inserted === false;
  inserted = true;

  // 100,000 answers over the last twelve months, with the link's tenant and client, straight into the table.
  const owner = new pg.Client({ connectionString: options.ownerUrl });
  await owner.connect();
  try {
    // Also drop the answers the previous size's submissions added.
    if (!firstRun)
      await owner.query(
        `DELETE FROM feedback_responses WHERE link_id = $1 AND challenge_digest NOT LIKE 'bench:%'`,
        [created.id],
      );
    if (firstRun)
      await owner.query(
        `INSERT INTO feedback_responses
         (tenant_id, client_id, link_id, kind, score, comment, detractor, challenge_digest, received_at)
       SELECT l.tenant_id, l.client_id, l.id, 'NPS', s.score, CASE WHEN g % 10 = 0 THEN 'Bench comment' END,
              s.score <= 6, 'bench:' || g, now() - (g % 360) * interval '1 day' - (g % 1440) * interval '1 minute'
         FROM feedback_links l, generate_series(1, $2) g,
              LATERAL (SELECT (g * 7919 % 11)::smallint AS score) s
        WHERE l.id = $1`,
        [created.id, ANSWERS],
      );
    // Written past the API, so the link's monthly totals (what the summary reads) are recounted from its answers,
    // as the migration that made them counted the answers before it.
    await owner.query(
      `DELETE FROM feedback_monthly_totals t USING feedback_links l
        WHERE t.tenant_id = l.tenant_id AND t.link_id = l.id AND l.id = $1`,
      [created.id],
    );
    await owner.query(
      `INSERT INTO feedback_monthly_totals
         (tenant_id, client_id, link_id, touch_point_id, kind, month, score, responses)
       SELECT r.tenant_id, r.client_id, r.link_id, r.touch_point_id, r.kind,
              date_trunc('month', r.received_at AT TIME ZONE 'UTC')::date, r.score, count(*)
         FROM feedback_responses r JOIN feedback_links l ON l.tenant_id = r.tenant_id AND l.id = r.link_id
        WHERE l.id = $1
        GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      [created.id],
    );
    // As autovacuum leaves a table in steady use: the visibility map set, so the summary's scan is index-only.
    await owner.query('VACUUM ANALYZE feedback_responses, feedback_monthly_totals');
  } finally {
    await owner.end();
  }

  // Enough solved challenges for the warm-up and the measured run at a generous rate; each is used once.
  const pool = await solvedChallenges(options.url, publicToken, Math.max(4000, 600 * (options.seconds + 2)));
  let next = 0;
  const submissions = await load({
    name: `public submissions, ${SENDERS} senders (challenge verified)`,
    url: options.url,
    connections: SENDERS,
    seconds: options.seconds,
    body: () => ({
      query: SUBMIT,
      variables: { input: { token: publicToken, score: next % 11, challenge: pool[next++ % pool.length] } },
    }),
    onAnswer: (_state, answer) =>
      (answer.data as { submitFeedback?: { received: boolean } } | undefined)?.submitFeedback?.received ===
      true,
  });
  if (next > pool.length)
    console.log(`  (the pool of ${pool.length} challenges ran out: replays were refused)`);

  await post(options.url, SUMMARY, { id: options.clientId }, options.consultantToken);
  const summary = await load({
    name: `feedback summary over ${ANSWERS.toLocaleString('en')} answers`,
    url: options.url,
    headers: { authorization: `Bearer ${options.consultantToken}` },
    connections: options.connections,
    seconds: options.seconds,
    body: () => ({ query: SUMMARY, variables: { id: options.clientId } }),
  });
  return { submissions, summary };
}
