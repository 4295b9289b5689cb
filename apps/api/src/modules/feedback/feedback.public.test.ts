import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { seed } from '../../../test/seed.js';
import { graphql } from '../../../test/generated/index.js';
import {
  FEEDBACK_FORM,
  SUBMIT_FEEDBACK,
  answer,
  createLink,
  solvedChallenge,
} from '../../../test/feedback-factories.js';

const UPDATE_LINK = graphql(`
  mutation FeedbackPublicUpdateLink($input: UpdateFeedbackLinkInput!) {
    updateFeedbackLink(input: $input) {
      feedbackLink {
        id
        active
      }
      userErrors {
        field
        code
      }
    }
  }
`);
const INVITE = graphql(`
  mutation FeedbackPublicInvite($input: CreateFeedbackInvitationInput!) {
    createFeedbackInvitation(input: $input) {
      url
      expiresAt
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** A POST as a browser behind the trusted proxy would make it, from `address`. */
async function submitFrom(api: TestApi, address: string, input: Record<string, unknown>) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query: print(SUBMIT_FEEDBACK), variables: { input } }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: { submitFeedback: { received: boolean; userErrors: { field: string; code: string }[] } } | null;
      errors?: { extensions?: { code?: string; retryAfterSeconds?: number } }[];
    },
  };
}

describe('the public form', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('shows the question, the scale and a challenge to anyone holding the token', async () => {
    const { admin, client } = await seed(api).consultancy().client({ name: 'Harbour <Bank>' });
    const link = await createLink(api, admin, client, 'CSAT');
    const form = await api.graphql(FEEDBACK_FORM, { token: link.token });
    expect(form.data?.feedbackForm).toMatchObject({
      kind: 'CSAT',
      min: 1,
      max: 5,
      clientName: 'Harbour <Bank>',
      challenge: { algorithm: 'SHA-256', maxNumber: 2000 },
    });
    expect(link.url).toMatch(/\/feedback\/[A-Za-z0-9_-]{24}$/);
    expect(link.embedSnippet).toContain(`<iframe src="${link.url}"`);
    // Unknown and malformed tokens find nothing.
    expect((await api.graphql(FEEDBACK_FORM, { token: 'x'.repeat(24) })).data?.feedbackForm).toBeNull();
    expect((await api.graphql(FEEDBACK_FORM, { token: "'; --" })).data?.feedbackForm).toBeNull();
  });

  it('takes an answer with a solved challenge and stores no address', async () => {
    const { admin, client } = await seed(api).consultancy().client();
    const link = await createLink(api, admin, client, 'NPS');
    const sent = await answer(api, link.token, 3, 'Kept on hold <b>twice</b>');
    expect(sent.data?.submitFeedback).toEqual({ received: true, userErrors: [] });
    const rows = await api.ownerQuery('SELECT * FROM feedback_responses WHERE link_id = $1', [link.id]);
    expect(rows).toMatchObject([
      { score: 3, detractor: true, comment: 'Kept on hold <b>twice</b>', kind: 'NPS' },
    ]);
    expect(JSON.stringify(rows)).not.toContain('127.0.0.1');
    const columns = await api.ownerQuery<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name LIKE 'feedback%'`,
    );
    expect(columns.map((c) => c.column_name).filter((c) => /ip|address|agent/.test(c))).toEqual([]);
  });

  it('refuses a scripted sender without the challenge', async () => {
    const { admin, client } = await seed(api).consultancy().client();
    const link = await createLink(api, admin, client, 'NPS');
    const forged = Buffer.from(
      JSON.stringify({
        algorithm: 'SHA-256',
        challenge: 'ab',
        number: 1,
        salt: 'x?expires=9999999999&',
        signature: 'cd',
      }),
    ).toString('base64');
    for (const challenge of ['', 'not base64 json', forged]) {
      const sent = await api.graphql(SUBMIT_FEEDBACK, { input: { token: link.token, score: 10, challenge } });
      expect(sent.data?.submitFeedback).toMatchObject({
        received: false,
        userErrors: [{ field: 'challenge', code: 'INVALID' }],
      });
    }
    // Nor does another link's challenge do.
    const other = await createLink(api, admin, client, 'NPS');
    const elsewhere = await solvedChallenge(api, other.token);
    const sent = await api.graphql(SUBMIT_FEEDBACK, {
      input: { token: link.token, score: 10, challenge: elsewhere },
    });
    expect(sent.data?.submitFeedback.userErrors).toMatchObject([{ field: 'challenge', code: 'INVALID' }]);
    expect(await api.ownerQuery('SELECT 1 FROM feedback_responses WHERE link_id = $1', [link.id])).toEqual(
      [],
    );
  });

  it('refuses a replayed challenge solution', async () => {
    const { admin, client } = await seed(api).consultancy().client();
    const link = await createLink(api, admin, client, 'CSAT');
    const challenge = await solvedChallenge(api, link.token);
    const first = await api.graphql(SUBMIT_FEEDBACK, { input: { token: link.token, score: 5, challenge } });
    expect(first.data?.submitFeedback.received).toBe(true);
    const again = await api.graphql(SUBMIT_FEEDBACK, { input: { token: link.token, score: 5, challenge } });
    expect(again.data?.submitFeedback).toMatchObject({
      received: false,
      userErrors: [{ field: 'challenge', code: 'CONFLICT' }],
    });
    expect(
      await api.ownerQuery('SELECT 1 FROM feedback_responses WHERE link_id = $1', [link.id]),
    ).toHaveLength(1);
  });

  it('checks the score against the link’s kind and bounds the comment', async () => {
    const { admin, client } = await seed(api).consultancy().client();
    const link = await createLink(api, admin, client, 'EFFORT');
    expect((await answer(api, link.token, 8)).data?.submitFeedback.userErrors).toMatchObject([
      { field: 'score', code: 'INVALID' },
    ]);
    expect((await answer(api, link.token, 0)).data?.submitFeedback.userErrors).toMatchObject([
      { field: 'score' },
    ]);
    expect(
      (await answer(api, link.token, 4, 'x'.repeat(2001))).data?.submitFeedback.userErrors,
    ).toMatchObject([{ field: 'comment', code: 'TOO_LONG' }]);
    const nul = await answer(api, link.token, 4, 'a\u0000b');
    expect(nul.data?.submitFeedback.received ?? false).toBe(false);
    expect((await answer(api, link.token, 4, 'Simple enough 👍')).data?.submitFeedback.received).toBe(true);
  });

  it('closes when the link is turned off', async () => {
    const { admin, client } = await seed(api).consultancy().client();
    const link = await createLink(api, admin, client, 'NPS');
    const challenge = await solvedChallenge(api, link.token);
    await api.graphql(UPDATE_LINK, { input: { id: link.id, active: false } }, admin);
    expect((await api.graphql(FEEDBACK_FORM, { token: link.token })).data?.feedbackForm).toBeNull();
    const sent = await api.graphql(SUBMIT_FEEDBACK, { input: { token: link.token, score: 9, challenge } });
    expect(sent.data?.submitFeedback.userErrors).toMatchObject([{ field: 'token', code: 'NOT_ALLOWED' }]);
  });

  it('takes one answer per invitation, and refuses a replayed or altered one', async () => {
    const { admin, client } = await seed(api).consultancy().client();
    const link = await createLink(api, admin, client, 'CSAT');
    const invited = await api.graphql(INVITE, { input: { linkId: link.id, reference: 'T-1042' } }, admin);
    const url = invited.data?.createFeedbackInvitation.url ?? '';
    const invitation = decodeURIComponent(new URL(url).searchParams.get('invitation') ?? '');
    expect(url.startsWith(`${link.url}?invitation=`)).toBe(true);
    expect((await answer(api, link.token, 4, undefined, invitation)).data?.submitFeedback.received).toBe(
      true,
    );
    const replay = await answer(api, link.token, 1, undefined, invitation);
    expect(replay.data?.submitFeedback.userErrors).toMatchObject([
      { field: 'invitation', code: 'NOT_ALLOWED' },
    ]);
    const altered = `${invitation.split('.')[0]}.${'A'.repeat(43)}`;
    expect(
      (await answer(api, link.token, 1, undefined, altered)).data?.submitFeedback.userErrors,
    ).toMatchObject([{ field: 'invitation', code: 'INVALID' }]);
    // An invitation is for its own link only.
    const other = await createLink(api, admin, client, 'CSAT');
    const second = await api.graphql(INVITE, { input: { linkId: link.id } }, admin);
    const token = decodeURIComponent(
      new URL(second.data?.createFeedbackInvitation.url ?? '').searchParams.get('invitation') ?? '',
    );
    expect(
      (await answer(api, other.token, 4, undefined, token)).data?.submitFeedback.userErrors,
    ).toMatchObject([{ field: 'invitation', code: 'NOT_ALLOWED' }]);
    const used = await api.ownerQuery<{ used_at: Date | null }>(
      'SELECT used_at FROM feedback_invitations WHERE link_id = $1 ORDER BY created_at',
      [link.id],
    );
    expect(used.map((row) => row.used_at !== null)).toEqual([true, false]);
  });

  it('checks invitations: the link must be there and on, the days in range', async () => {
    const { admin, client } = await seed(api).consultancy().client();
    const theirs = await seed(api).consultancy().client();
    const foreign = await createLink(api, theirs.admin, theirs.client, 'NPS');
    const link = await createLink(api, admin, client, 'NPS');
    const refused = async (input: { linkId: string; validDays?: number; reference?: string }) =>
      (await api.graphql(INVITE, { input }, admin)).data?.createFeedbackInvitation.userErrors;
    expect(await refused({ linkId: foreign.id })).toMatchObject([{ field: 'linkId', code: 'NOT_FOUND' }]);
    expect(await refused({ linkId: 'not-an-id' })).toMatchObject([{ field: 'linkId', code: 'NOT_FOUND' }]);
    expect(await refused({ linkId: link.id, validDays: 91 })).toMatchObject([{ field: 'validDays' }]);
    expect(await refused({ linkId: link.id, reference: 'x'.repeat(121) })).toMatchObject([
      { field: 'reference', code: 'TOO_LONG' },
    ]);
  });
});

describe('the public form’s limits', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ feedback: { perAddressPerHour: 3, perLinkPerMinute: 5 } });
  });
  afterAll(() => api.close());

  it('slows a sender with solved challenges to the documented rate, per address and per link', async () => {
    const { admin, client } = await seed(api).consultancy().client();
    const link = await createLink(api, admin, client, 'NPS');
    const send = async (address: string) =>
      submitFrom(api, address, {
        token: link.token,
        score: 9,
        challenge: await solvedChallenge(api, link.token),
      });
    for (let i = 0; i < 3; i++)
      expect((await send('203.0.113.7')).body.data?.submitFeedback.received).toBe(true);
    const limited = await send('203.0.113.7');
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(3000);
    // Another address still gets through, until the link has had its 5 a minute from everybody.
    for (let i = 0; i < 2; i++)
      expect((await send('198.51.100.9')).body.data?.submitFeedback.received).toBe(true);
    const linkFull = await send('192.0.2.44');
    expect(linkFull.status).toBe(429);
    expect(
      await api.ownerQuery('SELECT 1 FROM feedback_responses WHERE link_id = $1', [link.id]),
    ).toHaveLength(5);
  });
});
