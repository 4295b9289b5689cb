import { useQuery } from '@apollo/client/react';
import { ENGAGEMENT_STATUS_LABELS } from '@csp/domain';
import { formatDate } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { ProgrammeMilestonesQuery } from './documents';

export function ProgrammeMilestones({ clientId }: { clientId: string }) {
  const { data, loading, error, refetch } = useQuery(ProgrammeMilestonesQuery, { variables: { clientId } });
  const engagements = data?.client?.engagements ?? [];
  return (
    <Panel title="Milestones">
      {!data ? (
        <QueryState loading={loading} error={error} what="milestones" retry={refetch} hasData={false}>
          {null}
        </QueryState>
      ) : engagements.length === 0 ? (
        <EmptyState title="No engagements yet" />
      ) : (
        engagements.map((e) => (
          <div key={e.id} className="milestones">
            <h3>
              {e.title} <span className="tag">{ENGAGEMENT_STATUS_LABELS[e.status]}</span>
            </h3>
            {e.milestones.length === 0 ? (
              <p className="muted">No milestones.</p>
            ) : (
              <ul className="check-list">
                {e.milestones.map((m) => (
                  <li key={m.id}>
                    {m.done ? '✓ ' : ''}
                    {m.title}{' '}
                    <span className={m.overdue ? 'tag tag-danger' : 'tag'}>
                      {m.done ? 'Done' : m.overdue ? 'Overdue' : 'Due'} · {formatDate(m.dueOn)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))
      )}
    </Panel>
  );
}
