import { graphql } from './generated/index.js';
import type { SignedIn } from './factories.js';
import type { TestApi } from './test-api.js';

const CREATE_CATEGORY = graphql(`
  mutation ComplaintFactoriesCreateCategory($input: CreateComplaintCategoryInput!) {
    createComplaintCategory(input: $input) {
      complaintCategory {
        id
        name
      }
      userErrors {
        field
        message
      }
    }
  }
`);

/** A category of the client's list, by name. */
export async function createCategory(
  api: TestApi,
  who: SignedIn,
  clientId: string,
  name: string,
): Promise<string> {
  const answer = await api.graphql(CREATE_CATEGORY, { input: { clientId, name } }, who);
  const category = answer.data.createComplaintCategory.complaintCategory;
  if (!category) throw new Error(JSON.stringify(answer.data.createComplaintCategory.userErrors));
  return category.id;
}

/** A touch point of the client's journey, written as the owner (the journey's own mutations are its module's). */
export async function createTouchPoint(
  api: TestApi,
  who: SignedIn,
  clientId: string,
  name = 'Phone line',
): Promise<string> {
  await api.ownerQuery(
    `INSERT INTO customer_journeys (tenant_id, client_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [who.tenantId, clientId],
  );
  const stage: { id: string }[] = await api.ownerQuery(
    `INSERT INTO journey_stages (tenant_id, client_id, name, position) VALUES ($1, $2, 'Getting help', 0) RETURNING id`,
    [who.tenantId, clientId],
  );
  const touchPoint: { id: string }[] = await api.ownerQuery(
    `INSERT INTO touch_points (tenant_id, client_id, stage_id, name, channel, owning_team, position)
     VALUES ($1, $2, $3, $4, 'PHONE', 'Contact centre', 0) RETURNING id`,
    [who.tenantId, clientId, stage[0]!.id, name],
  );
  return touchPoint[0]!.id;
}
