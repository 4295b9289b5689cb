import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { adminIdsOf, leaderIdsOfClient } from '../accounts/index.js';
import { consultantsOnClient } from '../engagements/index.js';

/**
 * Who hears of a client's evidence (a missed service standard, an unhappy customer, rising complaints): the
 * consultancy's people on the client's running engagements, or its admins when no engagement names anyone (so the
 * news never falls to no one), and the client's own leaders. Each then gets it as they chose (notify.ts).
 */
export async function followersOfClient(db: TenantDb, clientId: string): Promise<string[]> {
  const [consultants, leaders] = await Promise.all([
    consultantsOnClient(db, clientId),
    leaderIdsOfClient(db, clientId),
  ]);
  const staff = consultants.length ? consultants : await adminIdsOf(db);
  return [...new Set([...staff, ...leaders])];
}
