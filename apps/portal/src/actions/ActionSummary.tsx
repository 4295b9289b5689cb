import { ACTION_PRIORITY_LABELS, ACTION_STATUS_LABELS } from '@csp/domain';
import { Link } from 'react-router';
import { graphql } from '../generated/gql';
import type { ActionSummaryFragment } from '../generated/graphql';
import { formatDate } from '../ui/format';

export const ActionSummaryFragmentDoc = graphql(`
  fragment ActionSummary on Action {
    id
    description
    status
    priority
    dueOn
    overdue
    revision
    owner {
      id
      name
    }
    client {
      id
      name
    }
    finding {
      criterionKey
      criterionPrompt
    }
    complaint {
      id
      category {
        id
        name
      }
    }
  }
`);

/** One action in a list: what, who, by when, and how it stands. */
export function ActionSummary({
  action,
  showClient = false,
}: {
  action: ActionSummaryFragment;
  showClient?: boolean;
}) {
  return (
    <>
      <span className="item-title">{action.description}</span>
      <span className="muted">
        {showClient && (
          <>
            <Link to={`/clients/${action.client.id}`}>{action.client.name}</Link> ·{' '}
          </>
        )}
        {action.owner.name} · {ACTION_PRIORITY_LABELS[action.priority]} priority
        {action.finding?.criterionPrompt && <> · from “{action.finding.criterionPrompt}”</>}
        {action.complaint && (
          <>
            {' '}
            ·{' '}
            <Link to={`/complaints/${action.complaint.id}`}>
              from a complaint ({action.complaint.category.name})
            </Link>
          </>
        )}
      </span>
      <span className="tags">
        <span className={`tag status-${action.status.toLowerCase()}`}>
          {ACTION_STATUS_LABELS[action.status]}
        </span>
        {action.dueOn && (
          <span className={action.overdue ? 'tag tag-danger' : 'tag'}>
            {action.overdue ? 'Overdue · ' : 'Due '}
            {formatDate(action.dueOn)}
          </span>
        )}
      </span>
    </>
  );
}
