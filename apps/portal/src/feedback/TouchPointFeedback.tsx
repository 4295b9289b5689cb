import { useQuery } from '@apollo/client/react';
import { Panel } from '../ui/Panel';
import { QueryState } from '../ui/QueryState';
import { TouchPointFeedbackQuery } from './documents';
import { FeedbackScores } from './FeedbackScores';

/**
 * The touch point page's feedback section: the scores of the answers given through this touch point's links over the
 * latest twelve months, per kind and month, withheld below five answers, as in the client's summary.
 */
export function TouchPointFeedback({ touchPointId }: { touchPointId: string }) {
  const query = useQuery(TouchPointFeedbackQuery, { variables: { touchPointId } });
  const summary = query.data?.touchPoint?.feedbackSummary;
  return (
    <Panel title="Customer feedback">
      <QueryState
        loading={query.loading}
        error={query.error}
        what="the feedback"
        retry={() => query.refetch()}
        hasData={Boolean(summary)}
      >
        {summary && <FeedbackScores kinds={summary.kinds} />}
      </QueryState>
    </Panel>
  );
}
