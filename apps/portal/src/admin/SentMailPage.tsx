import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { SelectField } from '../forms/SelectField';
import type { MailStatus, SentMailQuery as SentMailData } from '../generated/graphql';
import { formatDateTime, formatNumber } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { AllowAgainButton } from './AllowAgainButton';
import { MailSuppressionsQuery, SentMailQuery } from './mail-documents';
import './admin.css';

type Mail = SentMailData['sentMail']['nodes'][number];

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = {
  PENDING: 'Waiting',
  SENT: 'Sent',
  KEPT: 'Kept, not sent',
  FAILED: 'Failed',
  SUPPRESSED: 'Suppressed',
};

const STATUS_CLASS: Record<MailStatus, string> = {
  SENT: 'tag status-done',
  PENDING: 'tag status-in_progress',
  KEPT: 'tag',
  FAILED: 'tag tag-danger',
  SUPPRESSED: 'tag tag-danger',
};

const FILTERS = (['FAILED', 'PENDING', 'SENT', 'KEPT', 'SUPPRESSED'] as const).map((value) => ({
  value,
  label: MAIL_STATUS_LABELS[value],
}));

function MailRow({ mail }: { mail: Mail }) {
  return (
    <tr>
      <td>{formatDateTime(mail.queuedAt)}</td>
      <td>{mail.to}</td>
      <td>
        {/* The body on demand: the list stays one line per mail. */}
        <details>
          <summary>{mail.subject}</summary>
          <pre className="mail-text">{mail.text}</pre>
        </details>
      </td>
      <td>
        <span className={STATUS_CLASS[mail.status]}>{MAIL_STATUS_LABELS[mail.status]}</span>
      </td>
      <td className="muted">
        {mail.sentAt && `sent ${formatDateTime(mail.sentAt)}`}
        {mail.status === 'PENDING' &&
          `${formatNumber(mail.attemptCount)} attempts · next ${formatDateTime(mail.nextAttemptAt)}`}
        {mail.lastError && <span className="field-error">{mail.lastError}</span>}
      </td>
    </tr>
  );
}

export function SentMailList() {
  const [status, setStatus] = useState<MailStatus | ''>('');
  const { data, loading, error, refetch } = useQuery(SentMailQuery, {
    variables: { status: status || null },
  });
  return (
    <>
      {data?.mailDelivery.mode === 'KEPT' && (
        <div className="banner banner-note" role="status">
          <p className="banner-title">Mail is kept here because no SMTP server is configured</p>
          <p>
            Nothing is sent: each mail is listed below with the text that would have gone out. Set{' '}
            <code>SMTP_URL</code> on the server to send mail.
          </p>
        </div>
      )}
      <div className="filters">
        <SelectField
          name="status"
          label="Show"
          placeholder="All mail"
          value={status}
          onChange={(e) => setStatus(e.target.value as MailStatus | '')}
          options={FILTERS}
        />
      </div>
      <QueryState loading={loading} error={error} what="sent mail" retry={refetch} hasData={Boolean(data)}>
        {data && data.sentMail.nodes.length === 0 ? (
          <EmptyState title={status ? `No mail ${MAIL_STATUS_LABELS[status].toLowerCase()}` : 'No mail yet'}>
            {status ? 'Choose “All mail” to see the rest.' : 'Mail the programme sends is listed here.'}
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Recent mail, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Queued</th>
                  <th scope="col">To</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Status</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {data?.sentMail.nodes.map((mail) => (
                  <MailRow key={mail.id} mail={mail} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </>
  );
}

function SuppressionList() {
  const { data, loading, error, refetch } = useQuery(MailSuppressionsQuery);
  return (
    <QueryState
      loading={loading}
      error={error}
      what="suppressed addresses"
      retry={refetch}
      hasData={Boolean(data)}
    >
      {data && data.mailSuppressions.length === 0 ? (
        <EmptyState title="No suppressed addresses">
          An address a mail server refuses for good is listed here, and no more mail goes to it.
        </EmptyState>
      ) : (
        <ul className="item-list">
          {data?.mailSuppressions.map((suppression) => (
            <li key={suppression.address}>
              <span className="item-title">{suppression.address}</span>
              <span className="muted">
                {suppression.reason} · since {formatDateTime(suppression.createdAt)}
              </span>
              <AllowAgainButton address={suppression.address} />
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}

/** The consultancy's outgoing mail: what went, what waits, what was refused, and the addresses no mail goes to. */
export function SentMailPage() {
  return (
    <>
      <title>Sent mail · Service Programme</title>
      <div className="page-heading">
        <p>
          <Link to="/admin">← Members and invitations</Link>
        </p>
        <h1>Sent mail</h1>
        <p className="lead">The mail the programme sends on the consultancy’s behalf, newest first.</p>
      </div>
      <div className="stack">
        <Panel title="Recent mail">
          <SentMailList />
        </Panel>
        <Panel title="Suppressed addresses">
          <SuppressionList />
        </Panel>
      </div>
    </>
  );
}
