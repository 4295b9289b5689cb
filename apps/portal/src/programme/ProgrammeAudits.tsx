import { useQuery } from '@apollo/client/react';
import { AuditResultsView } from '../audits/AuditResultsView';
import { formatDate } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { ProgrammeAuditsQuery } from './documents';

/** The latest published audit on each framework (the API lists newest first), with its comparisons. */
export function ProgrammeAudits({ clientId }: { clientId: string }) {
  const { data, loading, error, refetch } = useQuery(ProgrammeAuditsQuery, { variables: { clientId } });
  if (!data) {
    return (
      <Panel title="Audit results">
        <QueryState loading={loading} error={error} what="audit results" retry={refetch} hasData={false}>
          {null}
        </QueryState>
      </Panel>
    );
  }
  const audits = data.client?.audits ?? [];
  const latest = audits.filter((a, i) => audits.findIndex((b) => b.framework.key === a.framework.key) === i);
  if (latest.length === 0) {
    return (
      <Panel title="Audit results">
        <EmptyState title="No audit results published yet" />
      </Panel>
    );
  }
  return (
    <>
      {latest.map((audit) => (
        <section key={audit.id} className="stack" aria-label={audit.title}>
          <h2>
            {audit.title} <span className="muted">· {formatDate(audit.conductedOn)}</span>
          </h2>
          <AuditResultsView audit={audit} />
        </section>
      ))}
    </>
  );
}
