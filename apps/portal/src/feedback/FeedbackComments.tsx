import { FEEDBACK_KIND_LABELS, type FeedbackKind } from '@csp/domain';
import { Button } from '../ui/Button';

export interface FeedbackComment {
  id: string;
  kind: FeedbackKind;
  score: number;
  comment?: string | null;
  detractor: boolean;
  receivedAt: string;
}

/**
 * The latest comments, newest first. A comment is the customer's own text, rendered as text (React escapes it):
 * markup in it shows as written. A detractor's comment offers "Raise an action" when the viewer may.
 */
export function FeedbackComments({
  comments,
  onRaise,
  raised,
}: {
  comments: readonly FeedbackComment[];
  onRaise?: (comment: FeedbackComment) => void;
  raised?: ReadonlySet<string>;
}) {
  if (comments.length === 0) return <p className="muted">No comments yet.</p>;
  return (
    <ul className="item-list">
      {comments.map((comment) => (
        <li key={comment.id}>
          <span className="item-title">
            {FEEDBACK_KIND_LABELS[comment.kind]} {comment.score}
            {comment.detractor && <span className="tag"> Detractor</span>}
          </span>
          <q>{comment.comment}</q>
          <span className="muted">{new Date(comment.receivedAt).toISOString().slice(0, 10)}</span>
          {comment.detractor &&
            onRaise &&
            (raised?.has(comment.id) ? (
              <span role="status">Action raised</span>
            ) : (
              <Button size="small" onClick={() => onRaise(comment)}>
                Raise an action
              </Button>
            ))}
        </li>
      ))}
    </ul>
  );
}
