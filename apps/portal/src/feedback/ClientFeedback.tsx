import { useMutation, useQuery } from '@apollo/client/react';
import { DEFAULT_QUESTIONS, FEEDBACK_KINDS, FEEDBACK_KIND_LABELS, type FeedbackKind } from '@csp/domain';
import { useState } from 'react';
import { MeQuery } from '../session/me';
import { useCan } from '../session/useCan';
import { Button } from '../ui/Button';
import { Panel } from '../ui/Panel';
import { QueryState } from '../ui/QueryState';
import {
  ClientFeedbackQuery,
  CreateFeedbackLinkMutation,
  RaiseActionFromFeedbackMutation,
} from './documents';
import { FeedbackComments, type FeedbackComment } from './FeedbackComments';
import { FeedbackScores } from './FeedbackScores';

/**
 * A client's customer feedback: its public links with the snippet to embed, the scores of the last six months, and
 * the latest comments (a detractor's becomes an action in one step). Client leaders read it; consultants manage it.
 */
export function ClientFeedback({ clientId }: { clientId: string }) {
  const { data, loading, error, refetch } = useQuery(ClientFeedbackQuery, { variables: { clientId } });
  const me = useQuery(MeQuery).data?.me;
  const mayManage = useCan('feedback:write');
  const mayRaise = useCan('action:write');
  const [kind, setKind] = useState<FeedbackKind>('NPS');
  const [problem, setProblem] = useState<string | null>(null);
  const [raised, setRaised] = useState<Set<string>>(new Set());
  const [createLink, creating] = useMutation(CreateFeedbackLinkMutation);
  const [raiseAction] = useMutation(RaiseActionFromFeedbackMutation);
  const client = data?.client;

  async function addLink() {
    setProblem(null);
    const answer = await createLink({ variables: { input: { clientId, kind } } });
    const errors = answer.data?.createFeedbackLink.userErrors ?? [];
    if (errors.length) setProblem(errors.map((e) => e.message).join(' '));
    else await refetch();
  }

  async function raise(comment: FeedbackComment) {
    if (!me) return;
    setProblem(null);
    const answer = await raiseAction({
      variables: {
        input: {
          responseId: comment.id,
          description: `Follow up a customer's feedback: “${(comment.comment ?? '').slice(0, 150)}”`,
          ownerId: me.id,
        },
      },
    });
    const errors = answer.data?.raiseActionFromFeedback.userErrors ?? [];
    if (errors.length) setProblem(errors.map((e) => e.message).join(' '));
    else setRaised((before) => new Set([...before, comment.id]));
  }

  return (
    <Panel title="Customer feedback">
      <QueryState loading={loading} error={error} what="the feedback" retry={refetch} hasData={Boolean(data)}>
        {client && (
          <>
            {problem && <p role="alert">{problem}</p>}
            <FeedbackScores kinds={client.feedbackSummary.kinds} />
            <h3>Comments</h3>
            <FeedbackComments
              comments={client.feedbackComments}
              onRaise={mayRaise ? (comment) => void raise(comment) : undefined}
              raised={raised}
            />
            <h3>Feedback links</h3>
            {client.feedbackLinks.length === 0 && <p className="muted">No feedback link yet.</p>}
            <ul className="item-list">
              {client.feedbackLinks.map((link) => (
                <li key={link.id}>
                  <span className="item-title">
                    {FEEDBACK_KIND_LABELS[link.kind]}: {link.question}
                  </span>
                  <span className="muted">
                    {link.responseCount} responses{link.active ? '' : ' · turned off'}
                  </span>
                  <a href={link.url}>{link.url}</a>
                  {mayManage && (
                    <label>
                      Snippet to embed on the client’s site
                      <textarea readOnly rows={3} value={link.embedSnippet} />
                    </label>
                  )}
                </li>
              ))}
            </ul>
            {mayManage && (
              <div className="form-row">
                <label>
                  Kind of question
                  <select value={kind} onChange={(event) => setKind(event.target.value as FeedbackKind)}>
                    {FEEDBACK_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {FEEDBACK_KIND_LABELS[k]}
                      </option>
                    ))}
                  </select>
                </label>
                <span className="muted">Asks: “{DEFAULT_QUESTIONS[kind]}”</span>
                <Button onClick={() => void addLink()} disabled={creating.loading}>
                  Make a feedback link
                </Button>
              </div>
            )}
          </>
        )}
      </QueryState>
    </Panel>
  );
}
