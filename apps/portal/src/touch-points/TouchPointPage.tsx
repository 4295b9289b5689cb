import { useQuery } from '@apollo/client/react';
import { CHANNEL_LABELS } from '@csp/domain';
import { Link, useParams } from 'react-router';
import { graphql } from '../generated/gql';
import { formatDate } from '../ui/format';
import { TouchPointComplaints } from '../complaints/TouchPointComplaints';
import { TouchPointFeedback } from '../feedback/TouchPointFeedback';
import { useCan } from '../session/useCan';
import { Panel } from '../ui/Panel';
import { QueryResult, type NotFound } from '../ui/QueryResult';
import { EmptyState } from '../ui/QueryState';
import {
  CriterionLinkForm,
  PromiseLinkForm,
  TouchPointDetailsForm,
  UnlinkButton,
  useCriterionChoices,
} from './TouchPointEditing';
import './touch-points.css';

const TouchPointDocument = graphql(`
  query TouchPointPage($id: ID!) {
    touchPoint(id: $id) {
      id
      name
      channel
      owningTeam
      momentOfTruth
      archivedAt
      stage {
        id
        name
      }
      client {
        id
        name
      }
      promises {
        promiseKey
        title
        serviceLevel {
          id
          name
          summary
        }
      }
      criteria {
        frameworkKey
        criterionKey
      }
      openActions {
        id
        description
        dueOn
      }
      changes(last: 20) {
        id
        summary
        changedAt
      }
    }
  }
`);

const NOT_FOUND: NotFound = {
  title: 'Touch point not found',
  message: 'There is no such touch point in your consultancy.',
  back: <Link to="/">Go to your clients</Link>,
};

/**
 * One touch point and every kind of evidence the product has about it today: the promises it serves with their
 * measured service level, the audit criteria that test it, its open actions and its history. Complaints and
 * feedback add their own sections (complaints/TouchPointComplaints.tsx, feedback/TouchPointFeedback.tsx).
 */
export function TouchPointPage() {
  const { touchPointId = '' } = useParams();
  const query = useQuery(TouchPointDocument, { variables: { id: touchPointId } });
  // Client leaders read it (journey:read); only those who may change the journey get the forms.
  const canWrite = useCan('journey:write');
  const reload = () => void query.refetch();
  const mayReadFeedback = useCan('feedback:read');
  return (
    <QueryResult query={query} what="the touch point" select={(data) => data.touchPoint} notFound={NOT_FOUND}>
      {(point) => (
        <>
          <div className="page-header">
            <p>
              <Link to={canWrite ? `/clients/${point.client.id}` : '/programme'}>{point.client.name}</Link> ·{' '}
              {point.stage.name}
            </p>
            <h1>{point.name}</h1>
            <p className="lead">
              {CHANNEL_LABELS[point.channel]}, owned by {point.owningTeam}
              {point.momentOfTruth ? ' · a moment of truth' : ''}
              {point.archivedAt ? ` · removed from the journey on ${formatDate(point.archivedAt)}` : ''}
            </p>
          </div>
          <div className="stack">
            {canWrite && !point.archivedAt && (
              <Panel title="Change the touch point">
                <TouchPointDetailsForm key={point.id} point={point} onSaved={reload} />
              </Panel>
            )}
            <Panel title="Promises it serves" count={point.promises.length}>
              {point.promises.length === 0 ? (
                <EmptyState title="No promises linked yet" />
              ) : (
                <ul className="item-list">
                  {point.promises.map((promise) => (
                    <li key={promise.promiseKey}>
                      <span className="item-title">{promise.title ?? promise.promiseKey}</span>
                      {canWrite && (
                        <UnlinkButton
                          label={`Unlink “${promise.title ?? promise.promiseKey}”`}
                          touchPointId={point.id}
                          promiseKey={promise.promiseKey}
                          onSaved={reload}
                        />
                      )}
                      {promise.serviceLevel ? (
                        <p>
                          <Link to={`/service-levels/${promise.serviceLevel.id}`}>
                            {promise.serviceLevel.name}
                          </Link>
                          {': '}
                          <strong>{promise.serviceLevel.summary}</strong>
                        </p>
                      ) : (
                        <p className="muted">Not measured by a service level.</p>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {canWrite && !point.archivedAt && (
                <PromiseLinkForm
                  touchPointId={point.id}
                  clientId={point.client.id}
                  linked={point.promises.map((p) => p.promiseKey)}
                  onSaved={reload}
                />
              )}
            </Panel>
            <TouchPointCriteria point={point} canWrite={canWrite} onSaved={reload} />
            <Panel title="Open actions" count={point.openActions.length}>
              {point.openActions.length === 0 ? (
                <EmptyState title="No open actions about this touch point" />
              ) : (
                <ul className="item-list">
                  {point.openActions.map((action) => (
                    <li key={action.id}>
                      {action.description}
                      {action.dueOn ? (
                        <span className="muted">{` · due ${formatDate(action.dueOn)}`}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
            <TouchPointComplaints clientId={point.client.id} touchPointId={point.id} />
            {mayReadFeedback && <TouchPointFeedback touchPointId={point.id} />}
            <Panel title="History">
              <ul className="item-list">
                {point.changes.map((change) => (
                  <li key={change.id}>
                    {change.summary} <span className="muted">{formatDate(change.changedAt)}</span>
                  </li>
                ))}
              </ul>
            </Panel>
          </div>
        </>
      )}
    </QueryResult>
  );
}

/** The criteria that test the touch point, in their own words (the key only when the framework no longer has it). */
function TouchPointCriteria({
  point,
  canWrite,
  onSaved,
}: {
  point: {
    id: string;
    archivedAt?: string | null;
    client: { id: string };
    criteria: readonly { frameworkKey: string; criterionKey: string }[];
  };
  canWrite: boolean;
  onSaved: () => void;
}) {
  const { wording } = useCriterionChoices(point.client.id);
  return (
    <Panel title="Audit criteria that test it" count={point.criteria.length}>
      {point.criteria.length === 0 ? (
        <EmptyState title="No audit criteria linked yet" />
      ) : (
        <ul className="item-list">
          {point.criteria.map((c) => {
            const words = wording.get(`${c.frameworkKey}/${c.criterionKey}`);
            return (
              <li key={`${c.frameworkKey}/${c.criterionKey}`}>
                <span className="tag">{words?.framework ?? c.frameworkKey}</span>{' '}
                <span>{words?.prompt ?? c.criterionKey}</span>
                {canWrite && (
                  <UnlinkButton
                    label={`Unlink “${words?.prompt ?? c.criterionKey}”`}
                    touchPointId={point.id}
                    criterion={{ frameworkKey: c.frameworkKey, criterionKey: c.criterionKey }}
                    onSaved={onSaved}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canWrite && !point.archivedAt && (
        <CriterionLinkForm
          touchPointId={point.id}
          clientId={point.client.id}
          linked={point.criteria}
          onSaved={onSaved}
        />
      )}
    </Panel>
  );
}
