import { JourneyEditor } from '../touch-points/JourneyEditor';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Suspense, lazy } from 'react';
import { MeQuery } from '../session/me';
import { SignOutButton } from '../home/SignOutButton';
import { Loading, QueryResult, type NotFound } from '../ui/QueryResult';
import { ProgrammeCharter } from './ProgrammeCharter';
import { ProgrammeAudits } from './ProgrammeAudits';
import { OwnActions } from './OwnActions';
import { ProgrammeMilestones } from './ProgrammeMilestones';
import { ProgrammeQuery } from './documents';

/**
 * The promises with their evidence come in a chunk of their own: they bring the service levels' figures, and the
 * programme's first screen (the charter to sign off) stays within the bundle budget without them.
 */
const ProgrammePromises = lazy(() =>
  import('./ProgrammePromises').then((m) => ({ default: m.ProgrammePromises })),
);
/** The report's download, with the domain's section titles, in a chunk of its own like the parts above. */
const ProgrammeReportDownload = lazy(() =>
  import('../reports/ProgrammeReportDownload').then((m) => ({ default: m.ProgrammeReportDownload })),
);
/** The customer feedback, read-only for the leader (no links to make, no actions to raise), loaded the same way. */
const ClientFeedback = lazy(() =>
  import('../feedback/ClientFeedback').then((m) => ({ default: m.ClientFeedback })),
);

/**
 * A client leader's only page: their published charter and its sign-off, their latest audit results, their own
 * actions and the engagements' milestones. The API shows a leader nothing unpublished and nothing of other clients.
 * Each part loads on its own, so one slow or failed part does not hold back the rest.
 */
/** A leader whose client is gone (or who was never linked to one) has no programme to see; signing out is the way on. */
const PROGRAMME_NOT_FOUND: NotFound = {
  title: 'Programme not found',
  message: 'Your account is not linked to a client’s programme. Ask your consultant to invite you again.',
  back: <SignOutButton />,
};

export function ProgrammePage() {
  const me = useQuery(MeQuery);
  const clientId = me.data?.me?.client?.id ?? '';
  const programme = useQuery(ProgrammeQuery, { variables: { clientId }, skip: !clientId });
  // Until `me` answers there is no client to ask for; when it fails, that failure is the page's.
  const query = {
    ...programme,
    loading: programme.loading || me.loading,
    error: programme.error ?? me.error,
    refetch: me.error ? me.refetch : programme.refetch,
  };
  return (
    <QueryResult
      query={query}
      what="your programme"
      select={(data) => data.client}
      notFound={PROGRAMME_NOT_FOUND}
    >
      {(client, data) => (
        <>
          <title>{`${client.name} · Service Programme`}</title>
          <div className="page-heading">
            <p className="eyebrow">With {data.consultancy.name}</p>
            <h1>{client.name}</h1>
            <p className="lead">
              Your customer-service programme: what you have promised your customers, and how well it is kept.
            </p>
            <p>
              <Link to={`/clients/${client.id}/complaints`}>Your complaint log</Link>
            </p>
          </div>
          <div className="stack">
            <ProgrammeCharter clientId={client.id} />
            <Suspense fallback={<Loading what="your programme report" />}>
              <ProgrammeReportDownload clientId={client.id} />
            </Suspense>
            <Suspense fallback={<Loading what="your promises" />}>
              <ProgrammePromises clientId={client.id} />
            </Suspense>
            <JourneyEditor clientId={client.id} readOnly />
            <ProgrammeAudits clientId={client.id} />
            <OwnActions />
            <ProgrammeMilestones clientId={client.id} />
            <Suspense fallback={<Loading what="your customers' feedback" />}>
              <ClientFeedback clientId={client.id} />
            </Suspense>
          </div>
        </>
      )}
    </QueryResult>
  );
}
