import { solveChallenge } from 'altcha-lib/v1';
import { graphql } from './generated/index.js';
import type { TestApi } from './test-api.js';
import type { SignedIn } from './factories.js';
import type { FeedbackKind } from './generated/graphql.js';

export const CREATE_FEEDBACK_LINK = graphql(`
  mutation FeedbackFactoriesCreateLink($input: CreateFeedbackLinkInput!) {
    createFeedbackLink(input: $input) {
      feedbackLink {
        id
        kind
        question
        active
        url
        embedSnippet
        touchPointId
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const FEEDBACK_FORM = graphql(`
  query FeedbackFactoriesForm($token: String!) {
    feedbackForm(token: $token) {
      kind
      question
      min
      max
      lowLabel
      highLabel
      clientName
      challenge {
        algorithm
        challenge
        maxNumber
        salt
        signature
      }
    }
  }
`);

export const SUBMIT_FEEDBACK = graphql(`
  mutation FeedbackFactoriesSubmit($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      received
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export async function createLink(
  api: TestApi,
  admin: SignedIn,
  clientId: string,
  kind: FeedbackKind = 'NPS',
  touchPointId?: string,
) {
  const answer = await api.graphql(CREATE_FEEDBACK_LINK, { input: { clientId, kind, touchPointId } }, admin);
  const link = answer.data?.createFeedbackLink.feedbackLink;
  if (!link) throw new Error(`No link: ${JSON.stringify(answer)}`);
  return { ...link, token: link.url.split('/feedback/')[1]! };
}

/** What the public page does: ask for the form, solve its challenge (SHA-256 over salt + number), encode it. */
export async function solvedChallenge(api: TestApi, token: string): Promise<string> {
  const form = await api.graphql(FEEDBACK_FORM, { token });
  const challenge = form.data?.feedbackForm?.challenge;
  if (!challenge) throw new Error(`No form: ${JSON.stringify(form)}`);
  const solution = await solveChallenge(challenge.challenge, challenge.salt, 'SHA-256', challenge.maxNumber)
    .promise;
  if (!solution) throw new Error('Unsolved challenge');
  return Buffer.from(
    JSON.stringify({
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      number: solution.number,
      salt: challenge.salt,
      signature: challenge.signature,
    }),
  ).toString('base64');
}

/** A customer's answer, challenge solved as the page would. */
export async function answer(
  api: TestApi,
  token: string,
  score: number,
  comment?: string,
  invitation?: string,
) {
  const challenge = await solvedChallenge(api, token);
  return api.graphql(SUBMIT_FEEDBACK, { input: { token, score, comment, challenge, invitation } });
}

/** A touch point of the client's journey, written as the owner (the journey's own mutations are not needed here). */
export async function insertTouchPoint(
  api: TestApi,
  tenantId: string,
  clientId: string,
  name = 'Phone line',
) {
  await api.ownerQuery(
    `INSERT INTO customer_journeys (tenant_id, client_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [tenantId, clientId],
  );
  const [stage] = await api.ownerQuery(
    `INSERT INTO journey_stages (tenant_id, client_id, name, position) VALUES ($1, $2, 'Contact', 0) RETURNING id`,
    [tenantId, clientId],
  );
  const [touchPoint] = await api.ownerQuery(
    `INSERT INTO touch_points (tenant_id, client_id, stage_id, name, channel, owning_team, position)
     VALUES ($1, $2, $3, $4, 'PHONE', 'Contact centre', 0) RETURNING id`,
    [tenantId, clientId, (stage as { id: string }).id, name],
  );
  return (touchPoint as { id: string }).id;
}
