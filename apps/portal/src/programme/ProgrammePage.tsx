import { useQuery } from '@apollo/client/react';
import { MeQuery } from '../session/me';
import { QueryState } from '../ui/QueryState';
import { ProgrammeCharter } from './ProgrammeCharter';
import { ProgrammeAudits } from './ProgrammeAudits';
import { OwnActions } from './OwnActions';
import { ProgrammeMilestones } from './ProgrammeMilestones';
import { ProgrammeQuery } from './documents';

/**
 * A client leader's only page: their published charter and its sign-off, their latest audit results, their own
 * actions and the engagements' milestones. The API shows a leader nothing unpublished and nothing of other clients.
 * Each part loads on its own, so one slow or failed part does not hold back the rest.
 */
export function ProgrammePage() {
  const me = useQuery(MeQuery).data?.me;
  const clientId = me?.client?.id ?? '';
  const { data, loading, error, refetch } = useQuery(ProgrammeQuery, {
    variables: { clientId },
    skip: !clientId,
  });
  const client = data?.client;
  return (
    <QueryState
      loading={loading || !me}
      error={error}
      what="your programme"
      retry={refetch}
      hasData={Boolean(client)}
    >
      {client && data && (
        <>
          <title>{`${client.name} · Service Programme`}</title>
          <div className="page-heading">
            <p className="eyebrow">With {data.consultancy.name}</p>
            <h1>{client.name}</h1>
            <p className="lead">
              Your customer-service programme: what you have promised your customers, and how well it is kept.
            </p>
          </div>
          <div className="stack">
            <ProgrammeCharter clientId={client.id} />
            <ProgrammeAudits clientId={client.id} />
            <OwnActions />
            <ProgrammeMilestones clientId={client.id} />
          </div>
        </>
      )}
    </QueryState>
  );
}
