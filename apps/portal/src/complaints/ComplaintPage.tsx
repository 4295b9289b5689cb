import { useMutation, useQuery } from '@apollo/client/react';
import { CHANNEL_LABELS, COMPLAINT_SEVERITY_LABELS } from '@csp/domain';
import { Link, useParams } from 'react-router';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextAreaField } from '../forms/TextAreaField';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import type { ComplaintQuery as ComplaintData } from '../generated/graphql';
import { MeQuery } from '../session/me';
import { useCan } from '../session/useCan';
import { formatDateTime } from '../ui/format';
import { Panel } from '../ui/Panel';
import { QueryResult, type NotFound } from '../ui/QueryResult';
import { instantOfLocal } from './RecordComplaintForm';
import {
  ComplaintActionsQuery,
  ComplaintQuery,
  RaiseComplaintActionMutation,
  UpdateComplaintMutation,
} from './documents';
import './complaints.css';

type Complaint = NonNullable<ComplaintData['complaint']>;

const NOT_FOUND: NotFound = {
  title: 'Complaint not found',
  message: 'There is no such complaint you may see.',
  back: <Link to="/">Go home</Link>,
};

/** One complaint: what happened, its resolution (resolve it here), and the actions raised from it (raise one). */
export function ComplaintPage() {
  const { complaintId = '' } = useParams();
  const query = useQuery(ComplaintQuery, { variables: { id: complaintId } });
  return (
    <QueryResult query={query} what="the complaint" select={(data) => data.complaint} notFound={NOT_FOUND}>
      {(complaint) => <ComplaintView complaint={complaint} />}
    </QueryResult>
  );
}

function ComplaintView({ complaint }: { complaint: Complaint }) {
  const mayWrite = useCan('complaint:write');
  const mayAct = useCan('action:write');
  return (
    <div className="page complaints-page">
      <title>{`Complaint · ${complaint.client.name} · Service Programme`}</title>
      <p>
        <Link to={`/clients/${complaint.client.id}/complaints`}>Complaints of {complaint.client.name}</Link>
      </p>
      <h1>
        {complaint.category.name}: {COMPLAINT_SEVERITY_LABELS[complaint.severity]}
      </h1>
      <dl className="facts">
        <dt>Received</dt>
        <dd>{formatDateTime(complaint.receivedAt)}</dd>
        <dt>Channel</dt>
        <dd>{CHANNEL_LABELS[complaint.channel]}</dd>
        <dt>Touch point</dt>
        <dd>{complaint.touchPoint?.name ?? '—'}</dd>
        <dt>Promise broken</dt>
        <dd>{complaint.promiseTitle ?? complaint.promiseKey ?? '—'}</dd>
        <dt>Customer reference</dt>
        <dd>{complaint.customerReference ?? '—'}</dd>
        <dt>Status</dt>
        <dd>
          {complaint.status === 'OPEN'
            ? 'Open'
            : `Resolved ${formatDateTime(complaint.resolvedAt)} (${complaint.hoursToResolve?.toFixed(1)} h)`}
        </dd>
      </dl>
      <Panel title="What happened">
        <p className="complaint-text">{complaint.whatHappened}</p>
      </Panel>
      {complaint.status === 'RESOLVED' ? (
        <Panel title="Resolution">
          <p className="complaint-text">{complaint.resolution}</p>
          <p>Root cause: {complaint.rootCause ?? '—'}</p>
        </Panel>
      ) : (
        mayWrite && <ResolveForm complaint={complaint} />
      )}
      <ComplaintActions complaintId={complaint.id} mayAct={mayAct} />
    </div>
  );
}

const RESOLVE_FIELDS = ['resolvedAt', 'resolution', 'rootCause', 'expectedRevision'] as const;

function ResolveForm({ complaint }: { complaint: Complaint }) {
  const [update] = useMutation(UpdateComplaintMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(RESOLVE_FIELDS);
  const submit = onSubmit(async (v) => {
    const resolvedAt = instantOfLocal(v.resolvedAt);
    if (!resolvedAt) {
      return {
        complaint: null,
        userErrors: [{ field: 'resolvedAt', message: 'Give the date and time it was resolved.' }],
      };
    }
    return (
      await update({
        variables: {
          input: {
            id: complaint.id,
            expectedRevision: complaint.revision,
            resolvedAt,
            resolution: v.resolution,
            rootCause: orNull(v.rootCause),
          },
        },
      })
    ).data?.updateComplaint;
  });
  const e = (field: (typeof RESOLVE_FIELDS)[number]) => errors.byField[field];
  return (
    <Panel title="Resolve">
      <form ref={formRef} className="form" onSubmit={submit} aria-label="Resolve the complaint" noValidate>
        <FormProblems failure={failure} errors={errors} />
        <TextField
          name="resolvedAt"
          label="Resolved at"
          type="datetime-local"
          required
          errors={e('resolvedAt')}
        />
        <TextAreaField name="resolution" label="How it was resolved" required errors={e('resolution')} />
        <TextField
          name="rootCause"
          label="Root cause (optional)"
          hint="A short label; complaints with the same root cause are compared for recurrence."
          errors={e('rootCause')}
        />
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Resolve
        </SubmitButton>
      </form>
    </Panel>
  );
}

function ComplaintActions({ complaintId, mayAct }: { complaintId: string; mayAct: boolean }) {
  const query = useQuery(ComplaintActionsQuery, { variables: { id: complaintId }, skip: !mayAct });
  const me = useQuery(MeQuery);
  const [raise] = useMutation(RaiseComplaintActionMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(['description', 'dueOn'] as const);
  if (!mayAct) return null;
  const actions = query.data?.complaint?.actions ?? [];
  const submit = onSubmit(
    async (v) =>
      (
        await raise({
          variables: {
            input: {
              complaintId,
              description: v.description,
              ownerId: me.data?.me?.id ?? '',
              dueOn: orNull(v.dueOn),
            },
          },
        })
      ).data?.raiseComplaintAction,
    (form) => {
      form.reset();
      return query.refetch();
    },
  );
  return (
    <Panel title="Actions" count={actions.length}>
      {actions.length > 0 && (
        <ul>
          {actions.map((a) => (
            <li key={a.id}>
              {a.description} <span className="muted">({a.status === 'DONE' ? 'done' : 'open'})</span>
            </li>
          ))}
        </ul>
      )}
      <form ref={formRef} className="form" onSubmit={submit} aria-label="Raise an action" noValidate>
        <FormProblems failure={failure} errors={errors} />
        <TextAreaField
          name="description"
          label="What should change"
          required
          errors={errors.byField.description}
        />
        <TextField name="dueOn" label="Due (optional)" type="date" errors={errors.byField.dueOn} />
        <SubmitButton pending={pending} pendingLabel="Raising…">
          Raise action
        </SubmitButton>
      </form>
    </Panel>
  );
}
