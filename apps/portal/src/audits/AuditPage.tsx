import { useMutation, useQuery } from '@apollo/client/react';
import { AUDIT_STATUS_LABELS } from '@csp/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate } from '../ui/format';
import { QueryResult, type NotFound } from '../ui/QueryResult';
import { AuditResultsView } from './AuditResultsView';
import { AuditScoringForm } from './AuditScoringForm';
import { AuditStatusControl } from './AuditStatusControl';
import { AuditFindings } from './AuditFindings';
import { AuditQuery, SaveAuditResponsesMutation } from './documents';

/** One audit: scored while it is open, read as results once submitted. */
const AUDIT_NOT_FOUND: NotFound = {
  title: 'Audit not found',
  message: 'There is no such audit in your consultancy.',
  back: <Link to="/">Go to your home page</Link>,
};

export function AuditPage() {
  const { auditId = '' } = useParams();
  const query = useQuery(AuditQuery, { variables: { id: auditId } });
  // The payload's audit (revision, status, responses) updates the cache by id; the results appear on submit,
  // where the status control refetches the audit.
  const [save] = useMutation(SaveAuditResponsesMutation);
  const [unsaved, setUnsaved] = useState(0);
  return (
    <QueryResult query={query} what="the audit" select={(data) => data.audit} notFound={AUDIT_NOT_FOUND}>
      {(audit) => {
        const editable = audit.status === 'DRAFT' || audit.status === 'IN_PROGRESS';
        return (
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
                      variables: {
                        input: { auditId: audit.id, expectedRevision: audit.revision, responses },
                      },
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
        );
      }}
    </QueryResult>
  );
}
