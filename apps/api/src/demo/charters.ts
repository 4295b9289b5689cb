import type { RequestContext } from '../core/context.js';
import { demoCharterFor } from './charter-content.js';
import {
  saveCharterDraft,
  publishCharterVersion,
  startCharterDraft,
  type CharterVersionRow,
} from '../modules/charters/index.js';
import type { DemoClientRef } from './demo-programme.js';

export type { DemoClientRef };

/**
 * Gives every demo client a published charter (version 1), through the same services as the API. The first client
 * also has a version 2 published with changes, so history and differences have something to show; the second has
 * a version 2 draft in progress. Sign-offs are left to the clients' leaders.
 */
export async function seedChartersDemo(
  context: RequestContext,
  clients: DemoClientRef[],
  _today: string,
): Promise<void> {
  for (const [index, client] of clients.entries()) {
    const charter = demoCharterFor(client.industry);
    const v1 = await publishDraft(context, await startDraft(context, client.id), charter);
    if (index === 0) await publishDraft(context, await startDraft(context, client.id), revised(v1));
    if (index === 1) await save(context, await startDraft(context, client.id), inProgress(v1));
  }
}

type DraftContent = Pick<Parameters<typeof saveCharterDraft>[1], 'purposeStatement' | 'promises'>;

/**
 * A year on: the third promise (the one customers mention most) moves to the top, the first promise's standard is
 * raised by five points, and the second is replaced by a new promise at the end.
 */
function revised(v1: CharterVersionRow): DraftContent {
  const [first, , third, ...others] = v1.promises;
  const raised = first && {
    ...first,
    standard: first.standard && { ...first.standard, target: Math.min(first.standard.target + 5, 100) },
  };
  return {
    purposeStatement: purposeOf(v1),
    promises: [
      ...(third ? [third] : []),
      ...(raised ? [raised] : []),
      ...others,
      {
        title: 'We call you back at the time you choose',
        description: 'You pick the half hour; we keep it.',
      },
    ],
  };
}

/** Half-way through a rework: a sharper why and one new promise, not yet published. */
function inProgress(v1: CharterVersionRow): DraftContent {
  return {
    purposeStatement: { ...purposeOf(v1), why: `${v1.why}, every single time` },
    promises: [...v1.promises, { title: 'We ask how we did, and act on it' }],
  };
}

function purposeOf(version: CharterVersionRow) {
  return { purpose: version.purpose, why: version.why, everythingElse: version.everythingElse };
}

async function startDraft(context: RequestContext, clientId: string): Promise<CharterVersionRow> {
  return expectVersion(await startCharterDraft(context, { clientId }));
}

async function save(context: RequestContext, draft: CharterVersionRow, content: DraftContent) {
  return expectVersion(
    await saveCharterDraft(context, {
      versionId: draft.id,
      expectedRevision: draft.revision,
      purposeStatement: content.purposeStatement,
      promises: content.promises,
    }),
  );
}

async function publishDraft(context: RequestContext, draft: CharterVersionRow, content: DraftContent) {
  const saved = await save(context, draft, content);
  return expectVersion(
    await publishCharterVersion(context, { versionId: saved.id, expectedRevision: saved.revision }),
  );
}

function expectVersion(payload: {
  version: CharterVersionRow | null;
  userErrors: { field: string; message: string }[];
}): CharterVersionRow {
  if (!payload.version) {
    const problems = payload.userErrors.map((e) => `${e.field}: ${e.message}`).join('; ');
    throw new Error(`Demo charter was refused: ${problems}`);
  }
  return payload.version;
}
