import type { ServicePeriod } from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { clientOf } from '../clients/index.js';
import { followersOfClient, notify, type EmailLinkSettings } from '../notifications/index.js';
import { ComplaintCategoryEntity } from './entities.js';

/** "December 2026" for the month "2026-12". */
function monthLabel(label: string): string {
  const at = new Date(`${label}-01T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return label;
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}

/**
 * A complaint category rising this month (once per category and month: the caller claimed the announcement): the
 * client's followers hear of it in the transaction that stored the complaint.
 */
export async function tellOfRising(
  db: TenantDb,
  links: EmailLinkSettings,
  rising: {
    clientId: string;
    categoryId: string;
    month: ServicePeriod;
    thisMonth: number;
    monthBefore: number;
  },
): Promise<void> {
  const [client, category] = await Promise.all([
    clientOf(db, rising.clientId),
    db.getRepository(ComplaintCategoryEntity).findOneBy({ id: rising.categoryId }),
  ]);
  if (!client || !category) return;
  const periodLabel = monthLabel(rising.month.label);
  const url = `${links.publicUrl}/clients/${client.id}/complaints`;
  await notify(db, links, await followersOfClient(db, client.id), {
    kind: 'RISING_COMPLAINTS',
    clientId: client.id,
    clientName: client.name,
    forAudience: () => ({
      data: {
        clientName: client.name,
        categoryLabel: category.name,
        thisPeriodCount: rising.thisMonth,
        previousPeriodCount: rising.monthBefore,
        periodLabel,
        complaintsUrl: url,
      },
      digestLine: `Complaints about ${category.name} are rising: ${rising.thisMonth} in ${periodLabel}, ${rising.monthBefore} the month before`,
      url,
    }),
  });
}
