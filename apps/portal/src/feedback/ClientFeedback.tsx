import { useMutation, useQuery } from '@apollo/client/react';
import { DEFAULT_QUESTIONS, FEEDBACK_KINDS, FEEDBACK_KIND_LABELS, type FeedbackKind } from '@csp/domain';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
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
  const [raised, setRaised] = useState<Set<string>>(new Set());
  const [createLink] = useMutation(CreateFeedbackLinkMutation);
  const [raiseAction] = useMutation(RaiseActionFromFeedbackMutation);
  const linkForm = useMutationForm(['kind'] as const);
  const raising = useMutationForm([]);
  const client = data?.client;

  function raise(comment: FeedbackComment) {
    if (!me) return;
    void raising.run(
      async () =>
        (
          await raiseAction({
            variables: {
              input: {
                responseId: comment.id,
                description: `Follow up a customer's feedback: “${(comment.comment ?? '').slice(0, 150)}”`,
                ownerId: me.id,
              },
            },
          })
        ).data?.raiseActionFromFeedback,
      () => setRaised((before) => new Set([...before, comment.id])),
    );
  }

  return (
    <Panel title="Customer feedback">
      <QueryState loading={loading} error={error} what="the feedback" retry={refetch} hasData={Boolean(data)}>
        {client && (
          <>
            <FormProblems
              failure={raising.failure}
              errors={raising.errors}
              title="Could not raise the action"
            />
            <FeedbackScores kinds={client.feedbackSummary.kinds} />
            <h3>Comments</h3>
            <FeedbackComments
              comments={client.feedbackComments}
              onRaise={mayRaise && !raising.pending ? raise : undefined}
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
                  <a className="long-address" href={link.url}>
                    {link.url}
                  </a>
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
              <form
                ref={linkForm.formRef}
                className="form-row"
                onSubmit={linkForm.onSubmit(
                  async (values) =>
                    (
                      await createLink({
                        variables: { input: { clientId, kind: values.kind as FeedbackKind } },
                      })
                    ).data?.createFeedbackLink,
                  () => refetch(),
                )}
              >
                <FormProblems failure={linkForm.failure} errors={linkForm.errors} />
                <label>
                  Kind of question
                  <select
                    name="kind"
                    value={kind}
                    aria-invalid={linkForm.errors.byField.kind ? true : undefined}
                    onChange={(event) => setKind(event.target.value as FeedbackKind)}
                  >
                    {FEEDBACK_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {FEEDBACK_KIND_LABELS[k]}
                      </option>
                    ))}
                  </select>
                </label>
                {linkForm.errors.byField.kind?.map((message) => (
                  <p key={message} className="field-error">
                    {message}
                  </p>
                ))}
                <span className="muted">Asks: “{DEFAULT_QUESTIONS[kind]}”</span>
                <Button type="submit" disabled={linkForm.pending}>
                  Make a feedback link
                </Button>
              </form>
            )}
          </>
        )}
      </QueryState>
    </Panel>
  );
}
