import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { clientOf } from '../clients/index.js';
import { followersOfClient, notify, type EmailLinkSettings } from '../notifications/index.js';
import type { ServiceLevelRow } from './entities.js';

/** "87.5 %": a share of good events as people read it. */
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/**
 * A service level that missed its target for a period, or is on course to: the client's followers hear of it, in
 * the batch's transaction, so the email exists exactly when the figures that caused it are stored.
 */
export async function tellOfServiceLevel(
  db: TenantDb,
  links: EmailLinkSettings,
  level: ServiceLevelRow,
  status: 'BREACHED' | 'AT_RISK',
  period: { label: string },
  figures: { compliance: number | null; projected: number | null; target: number },
): Promise<void> {
  const client = await clientOf(db, level.clientId);
  if (!client) return;
  const shown = status === 'AT_RISK' ? (figures.projected ?? figures.compliance) : figures.compliance;
  const measuredLabel =
    shown === null ? 'no figures yet' : `${percent(shown)}${status === 'AT_RISK' ? ' projected' : ''}`;
  const targetLabel = percent(figures.target);
  await notify(db, links, await followersOfClient(db, level.clientId), {
    kind: 'SERVICE_LEVEL_ALERT',
    clientId: client.id,
    clientName: client.name,
    forAudience: (audience) => {
      const url =
        audience === 'LEADER'
          ? `${links.publicUrl}/programme`
          : `${links.publicUrl}/service-levels/${level.id}`;
      return {
        data: {
          clientName: client.name,
          standardName: level.name,
          status,
          periodLabel: period.label,
          measuredLabel,
          targetLabel,
          serviceLevelUrl: url,
        },
        digestLine: `${level.name}: ${status === 'BREACHED' ? 'target missed' : 'at risk'} in ${period.label} (${measuredLabel} against ${targetLabel})`,
        url,
      };
    },
  });
}
