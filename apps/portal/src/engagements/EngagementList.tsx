import { useQuery } from '@apollo/client/react';
import { DIME_PHASE_LABELS, ENGAGEMENT_KIND_LABELS, ENGAGEMENT_STATUS_LABELS } from '@csp/domain';
import { graphql } from '../generated/gql';
import { formatDate } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { EditEngagementForm } from './EditEngagementForm';
import { EngagementStatusControl } from './EngagementStatusControl';
import { MilestoneList } from './MilestoneList';
import { NewEngagementForm } from './NewEngagementForm';

export const ClientEngagementsQuery = graphql(`
  query ClientEngagements($clientId: ID!) {
    client(id: $clientId) {
      id
      engagements {
        id
        title
        kind
        status
        nextStatuses
        summary
        phase
        startsOn
        endsOn
        leadConsultant {
          id
          name
        }
        team {
          id
          name
        }
        milestones {
          id
          title
          dueOn
          done
          overdue
        }
      }
    }
  }
`);

export function EngagementList({ clientId }: { clientId: string }) {
  const { data, loading, error, refetch } = useQuery(ClientEngagementsQuery, { variables: { clientId } });
  const engagements = data?.client?.engagements ?? [];
  return (
    <Panel title="Engagements" count={data ? engagements.length : undefined}>
      <NewEngagementForm clientId={clientId} />
      <QueryState loading={loading} error={error} what="engagements" retry={refetch} hasData={Boolean(data)}>
        {engagements.length === 0 ? (
          <EmptyState title="No engagements yet">Propose the first piece of work above.</EmptyState>
        ) : (
          <ul className="card-list">
            {engagements.map((e) => (
              <li key={e.id} className="card">
                <h3>{e.title}</h3>
                <p className="muted">
                  {ENGAGEMENT_KIND_LABELS[e.kind]} · {ENGAGEMENT_STATUS_LABELS[e.status]} ·{' '}
                  {formatDate(e.startsOn)} – {formatDate(e.endsOn)}
                  {e.phase && <> · phase: {DIME_PHASE_LABELS[e.phase].title}</>} · led by{' '}
                  {e.leadConsultant?.name ?? 'nobody yet'}
                  {e.team.length > 0 && <> · team: {e.team.map((m) => m.name).join(', ')}</>}
                </p>
                {e.summary && <p>{e.summary}</p>}
                <EditEngagementForm engagement={e} />
                <EngagementStatusControl engagement={e} />
                <MilestoneList engagementId={e.id} milestones={e.milestones} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Panel>
  );
}
