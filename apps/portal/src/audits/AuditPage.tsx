import { useMutation, useQuery } from '@apollo/client/react';
import { AUDIT_STATUS_LABELS } from '@csp/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate } from '../ui/format';
import { QueryState } from '../ui/QueryState';
import { AuditResultsView } from './AuditResultsView';
import { AuditScoringForm } from './AuditScoringForm';
import { AuditStatusControl } from './AuditStatusControl';
import { AuditFindings } from './AuditFindings';
import { AuditQuery, SaveAuditResponsesMutation } from './documents';

/** One audit: scored while it is open, read as results once submitted. */
export function AuditPage() {
  const { auditId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AuditQuery, { variables: { id: auditId } });
  // The payload's audit (revision, status, responses) updates the cache by id; the results appear on submit,
  // where the status control refetches the audit.
  const [save] = useMutation(SaveAuditResponsesMutation);
  const [unsaved, setUnsaved] = useState(0);
  const audit = data?.audit;
  if (data && !audit) return <p role="alert">There is no such audit in your consultancy.</p>;
  const editable = audit?.status === 'DRAFT' || audit?.status === 'IN_PROGRESS';
  return (
    <QueryState loading={loading} error={error} what="the audit" retry={refetch} hasData={Boolean(audit)}>
      {audit && (
        <>
          <title>{`${audit.title} · Service Programme`}</title>
          <div className="page-heading">
            <p className="eyebrow">
              <Link to={`/clients/${audit.client.id}`}>{audit.client.name}</Link>
            </p>
            <h1>{audit.title}</h1>
            <p className="lead">
              {audit.framework.name} · conducted {formatDate(audit.conductedOn)} ·{' '}
              <span className="tag">{AUDIT_STATUS_LABELS[audit.status]}</span>
            </p>
            <AuditStatusControl audit={audit} unsaved={editable ? unsaved : 0} />
          </div>
          {editable ? (
            <AuditScoringForm
              key={audit.id}
              framework={audit.framework}
              responses={audit.responses}
              editable
              onUnsavedChange={setUnsaved}
              onSave={async (responses) =>
                (
                  await save({
                    variables: { input: { auditId: audit.id, expectedRevision: audit.revision, responses } },
                  })
                ).data?.saveAuditResponses
              }
            />
          ) : (
            <div className="stack">
              <AuditResultsView audit={audit} />
              <AuditFindings audit={audit} />
            </div>
          )}
        </>
      )}
    </QueryState>
  );
}
