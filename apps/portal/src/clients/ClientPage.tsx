import { useQuery } from '@apollo/client/react';
import { CLIENT_SIZE_LABELS, INDUSTRY_LABELS } from '@csp/domain';
import { Link, useParams } from 'react-router';
import { graphql } from '../generated/gql';
import { CLIENT_STATUS_LABELS } from '../session/labels';
import { QueryResult } from '../ui/QueryResult';
import { CLIENT_NOT_FOUND } from './client-not-found';
import { EngagementList } from '../engagements/EngagementList';
import { WorkshopEditor } from './WorkshopEditor';
import { ClientAudits } from '../audits/ClientAudits';
import { ClientActions } from '../actions/ClientActions';
import { ClientFeedback } from '../feedback/ClientFeedback';
import { JourneyEditor } from '../touch-points/JourneyEditor';
import { ProgrammeReportDownload } from '../reports/ProgrammeReportDownload';

export const ClientPageQuery = graphql(`
  query ClientPage($id: ID!) {
    client(id: $id) {
      id
      name
      industry
      size
      region
      status
      leaders {
        id
        name
        email
      }
      charter {
        id
        published {
          id
          number
          signOff {
            signedAt
          }
        }
        currentDraft {
          id
          number
        }
      }
    }
  }
`);

/** Everything about one client: overview, engagements, the workshop, audits and actions. */
export function ClientPage() {
  const { clientId = '' } = useParams();
  const query = useQuery(ClientPageQuery, { variables: { id: clientId } });
  return (
    <QueryResult query={query} what="the client" select={(data) => data.client} notFound={CLIENT_NOT_FOUND}>
      {(client) => (
        <>
          <title>{`${client.name} · Service Programme`}</title>
          <div className="page-heading">
            <p className="eyebrow">Client</p>
            <h1>{client.name}</h1>
            <dl className="facts facts-inline">
              <dt>Industry</dt>
              <dd>{INDUSTRY_LABELS[client.industry]}</dd>
              <dt>Size</dt>
              <dd>{client.size ? CLIENT_SIZE_LABELS[client.size] : '—'}</dd>
              <dt>Region</dt>
              <dd>{client.region ?? '—'}</dd>
              <dt>Status</dt>
              <dd>{CLIENT_STATUS_LABELS[client.status]}</dd>
              <dt>Leaders</dt>
              <dd>{client.leaders.map((l) => l.name).join(', ') || 'None invited yet'}</dd>
            </dl>
            <nav className="sub-nav" aria-label="Client">
              <Link to={`/clients/${client.id}/charter`}>
                Charter
                {client.charter?.published
                  ? ` (version ${client.charter.published.number}${client.charter.published.signOff ? ', signed off' : ''})`
                  : client.charter?.currentDraft
                    ? ' (draft)'
                    : ' (not started)'}
              </Link>
              <Link to={`/clients/${client.id}/hiring`}>Hiring criteria</Link>
              <Link to={`/actions?clientId=${client.id}`}>Actions</Link>
              <Link to={`/clients/${client.id}/complaints`}>Complaints</Link>
            </nav>
          </div>
          <div className="stack">
            <EngagementList clientId={client.id} />
            <ProgrammeReportDownload clientId={client.id} />
            <ClientAudits clientId={client.id} />
            <JourneyEditor clientId={client.id} />
            <ClientActions clientId={client.id} />
            <ClientFeedback clientId={client.id} />
            <WorkshopEditor clientId={client.id} />
          </div>
        </>
      )}
    </QueryResult>
  );
}
