import { randomBytes } from 'node:crypto';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { canEditVersion, charterDraftInput, check, fieldError, type CharterPromise } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { CharterVersionEntity } from './entities.js';
import { lockDraft, saveDraft } from './drafts.js';
import { refused, type Payload } from '../../core/payloads.js';

interface PromiseArgument {
  key?: string | null;
  title: string;
  description?: string | null;
  standard?: { metric: string; target: number; unit: string } | null;
}

export interface SaveCharterDraftArguments {
  versionId: string;
  expectedRevision: number;
  purposeStatement: { purpose?: string | null; why?: string | null; everythingElse?: string | null };
  promises: PromiseArgument[];
}

/** Replaces a draft's purpose statement and promises with the ones given, in their order. */
export async function saveCharterDraft(
  context: RequestContext,
  input: SaveCharterDraftArguments,
): Promise<Payload<'CharterVersionPayload'>> {
  const checked = check(charterDraftInput, {
    purposeStatement: input.purposeStatement,
    // GraphQL sends a left-out key as null; the rule's "no key" is undefined.
    promises: input.promises.map(({ key, ...promise }) => ({ ...promise, key: key ?? undefined })),
  });
  if (!checked.ok) return refused('version', ...checked.errors);
  const value = checked.value;
  return context.db.write(async (db) => {
    const found = await lockDraft(db, input.versionId, input.expectedRevision, canEditVersion);
    if ('refusal' in found) return refused('version', found.refusal);
    const known = await keysOfCharter(db, found.draft.charterId);
    const unknownKeys = value.promises.flatMap((promise, index) =>
      promise.key !== undefined && !known.has(promise.key)
        ? [
            fieldError(
              `promises.${index}.key`,
              'NOT_FOUND',
              'No promise of this charter has this key; leave the key out for a new promise.',
            ),
          ]
        : [],
    );
    if (unknownKeys.length) return refused('version', ...unknownKeys);
    const promises: CharterPromise[] = value.promises.map((promise) => ({
      key: promise.key ?? newKey(known),
      title: promise.title,
      description: promise.description,
      standard: promise.standard,
    }));
    const version = await saveDraft(db, found.draft, {
      purpose: value.purposeStatement.purpose,
      why: value.purposeStatement.why,
      everythingElse: value.purposeStatement.everythingElse,
      promises,
    });
    return { version, userErrors: [] };
  });
}

/** Puts the draft's promises in the order of `promiseKeys`, which must name each of them exactly once. */
export async function reorderCharterPromises(
  context: RequestContext,
  input: { versionId: string; expectedRevision: number; promiseKeys: string[] },
): Promise<Payload<'CharterVersionPayload'>> {
  return context.db.write(async (db) => {
    const found = await lockDraft(db, input.versionId, input.expectedRevision, canEditVersion);
    if ('refusal' in found) return refused('version', found.refusal);
    const byKey = new Map(found.draft.promises.map((promise) => [promise.key, promise]));
    const problem = permutationProblem([...byKey.keys()], input.promiseKeys);
    if (problem) return refused('version', fieldError('promiseKeys', 'INVALID', problem));
    const promises = input.promiseKeys.flatMap((key) => byKey.get(key) ?? []);
    return { version: await saveDraft(db, found.draft, { promises }), userErrors: [] };
  });
}

function permutationProblem(keys: readonly string[], order: readonly string[]): string | null {
  const repeated = order.filter((key, index) => order.indexOf(key) !== index);
  const unknown = order.filter((key) => !keys.includes(key));
  const missing = keys.filter((key) => !order.includes(key));
  const problems = [
    ...(repeated.length ? [`listed twice: ${quoted(repeated)}`] : []),
    ...(unknown.length ? [`not in this draft: ${quoted(unknown)}`] : []),
    ...(missing.length ? [`missing: ${quoted(missing)}`] : []),
  ];
  return problems.length ? `List every promise of the draft exactly once (${problems.join('; ')}).` : null;
}

const quoted = (keys: readonly string[]) => [...new Set(keys)].map((key) => `"${key}"`).join(', ');

/**
 * Every key any version of the charter has used. A promise given one of them keeps its identity (so one removed in
 * an earlier draft can come back as itself); new promises get a key none of them has, so a key is never reused.
 */
async function keysOfCharter(db: TenantDb, charterId: string): Promise<Set<string>> {
  const versions = await db
    .getRepository(CharterVersionEntity)
    .find({ select: { id: true, promises: true }, where: { charterId } });
  return new Set(versions.flatMap((version) => version.promises.map((promise) => promise.key)));
}

/** Short, so it reads well in a URL or a link from an audit criterion; checked against the charter's keys. */
function newKey(taken: Set<string>): string {
  for (;;) {
    const key = `p-${randomBytes(6).toString('base64url')}`;
    if (!taken.has(key)) {
      taken.add(key);
      return key;
    }
  }
}
