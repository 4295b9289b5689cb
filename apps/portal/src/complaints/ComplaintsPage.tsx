import { useMutation, useQuery } from '@apollo/client/react';
import { CHANNEL_LABELS, COMPLAINT_SEVERITY_LABELS } from '@csp/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FormProblems } from '../forms/FormProblems';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useMutationForm } from '../forms/useMutationForm';
import type { ComplaintStatus } from '../generated/graphql';
import { useCan } from '../session/useCan';
import { formatDateTime } from '../ui/format';
import { Panel } from '../ui/Panel';
import { QueryResult, type NotFound } from '../ui/QueryResult';
import { EmptyState } from '../ui/QueryState';
import { ComplaintPatternsView } from './ComplaintPatternsView';
import { ComplaintUpload } from './ComplaintUpload';
import { RecordComplaintForm } from './RecordComplaintForm';
import { ComplaintLogQuery, CreateComplaintCategoryMutation } from './documents';
import './complaints.css';

const NOT_FOUND: NotFound = {
  title: 'Client not found',
  message: 'There is no such client you may see.',
  back: <Link to="/">Go home</Link>,
};

/**
 * A client's complaint log, for consultants and for the client's own leaders: filters, the newest complaints first,
 * the record form, the client's categories and the patterns. Texts are the customer's words, shown as text.
 */
export function ComplaintsPage() {
  const { clientId = '' } = useParams();
  const [categoryId, setCategoryId] = useState('');
  const [status, setStatus] = useState('');
  const query = useQuery(ComplaintLogQuery, {
    variables: {
      clientId,
      first: 50,
      categoryId: categoryId || null,
      status: (status || null) as ComplaintStatus | null,
    },
  });
  const mayRecord = useCan('complaint:write');
  return (
    <QueryResult query={query} what="the complaint log" select={(data) => data.client} notFound={NOT_FOUND}>
      {(client) => (
        <div className="page complaints-page">
          <title>{`Complaints · ${client.name} · Service Programme`}</title>
          <h1>Complaints: {client.name}</h1>
          <Panel title="Complaint log" count={client.complaints.totalCount}>
            <div className="filters" role="group" aria-label="Filter the log">
              <SelectField
                name="categoryFilter"
                label="Category"
                placeholder="Any category"
                value={categoryId}
                onChange={(event) => setCategoryId(event.target.value)}
                options={client.complaintCategories.map((c) => ({ value: c.id, label: c.name }))}
              />
              <SelectField
                name="statusFilter"
                label="Status"
                placeholder="Open and resolved"
                value={status}
                onChange={(event) => setStatus(event.target.value)}
                options={[
                  { value: 'OPEN', label: 'Open' },
                  { value: 'RESOLVED', label: 'Resolved' },
                ]}
              />
            </div>
            {client.complaints.nodes.length === 0 ? (
              <EmptyState title="No complaints here">
                {categoryId || status ? 'None match these filters.' : 'Record the first one below.'}
              </EmptyState>
            ) : (
              <ul className="complaint-list">
                {client.complaints.nodes.map((c) => (
                  <li key={c.id}>
                    <Link to={`/complaints/${c.id}`}>
                      {formatDateTime(c.receivedAt)} · {c.category.name}
                    </Link>{' '}
                    <span className={`severity severity-${c.severity.toLowerCase()}`}>
                      {COMPLAINT_SEVERITY_LABELS[c.severity]}
                    </span>{' '}
                    <span className="muted">
                      {CHANNEL_LABELS[c.channel]} · {c.status === 'OPEN' ? 'Open' : 'Resolved'}
                    </span>
                    <p className="complaint-text">{c.whatHappened}</p>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          {mayRecord && (
            <Panel title="Record a complaint">
              {client.complaintCategories.length === 0 ? (
                <p className="muted">Add a category to the client’s list first.</p>
              ) : (
                <RecordComplaintForm
                  clientId={client.id}
                  categories={client.complaintCategories}
                  onRecorded={() => query.refetch()}
                />
              )}
            </Panel>
          )}
          {mayRecord && (
            <Panel title="Upload complaints">
              <ComplaintUpload clientId={client.id} onRecorded={() => query.refetch()} />
            </Panel>
          )}
          <Panel title="Categories" count={client.complaintCategories.length}>
            <ul>
              {client.complaintCategories.map((c) => (
                <li key={c.id}>{c.name}</li>
              ))}
            </ul>
            {mayRecord && <AddCategory clientId={client.id} onAdded={() => query.refetch()} />}
          </Panel>
          <ComplaintPatternsView clientId={client.id} />
        </div>
      )}
    </QueryResult>
  );
}

function AddCategory({ clientId, onAdded }: { clientId: string; onAdded: () => unknown }) {
  const [create] = useMutation(CreateComplaintCategoryMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(['name'] as const);
  const submit = onSubmit(
    async (v) =>
      (await create({ variables: { input: { clientId, name: v.name } } })).data?.createComplaintCategory,
    (form) => {
      form.reset();
      return onAdded();
    },
  );
  return (
    <form ref={formRef} className="form form-inline" onSubmit={submit} aria-label="Add a category" noValidate>
      <FormProblems failure={failure} errors={errors} />
      <TextField name="name" label="New category" required errors={errors.byField.name} />
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add category
      </SubmitButton>
    </form>
  );
}
