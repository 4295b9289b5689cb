import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import type { AuditStatus } from '../generated/graphql';
import { ChangeAuditStatusMutation } from './documents';
import { Button } from '../ui/Button';

const MOVE_LABELS: Record<AuditStatus, string> = {
  DRAFT: 'Back to draft',
  IN_PROGRESS: 'Reopen for scoring',
  SUBMITTED: 'Submit',
  PUBLISHED: 'Publish to the client',
};

/** One button per move the API offers (`nextStatuses`); refusals (e.g. unanswered criteria) show as a banner. */
export function AuditStatusControl({
  audit,
  unsaved = 0,
}: {
  audit: { id: string; revision: number; nextStatuses: readonly AuditStatus[] };
  /** Answers typed but not saved: moving on now would leave them behind, so the moves wait. */
  unsaved?: number;
}) {
  const [change] = useMutation(ChangeAuditStatusMutation, {
    refetchQueries: ['Audit'],
    awaitRefetchQueries: true,
  });
  const { pending, errors, failure, run } = useMutationForm([]);
  if (audit.nextStatuses.length === 0) return null;
  return (
    <div className="button-row" role="group" aria-label="Audit status">
      {audit.nextStatuses.map((status) => (
        <Button
          key={status}
          variant={status === 'SUBMITTED' || status === 'PUBLISHED' ? 'primary' : 'secondary'}
          disabled={pending || unsaved > 0}
          onClick={() =>
            void run(
              async () =>
                (
                  await change({
                    variables: { input: { auditId: audit.id, expectedRevision: audit.revision, status } },
                  })
                ).data?.changeAuditStatus,
            )
          }
        >
          {MOVE_LABELS[status]}
        </Button>
      ))}
      {unsaved > 0 && (
        <span className="muted">
          Save your {unsaved} changed {unsaved === 1 ? 'answer' : 'answers'} before moving the audit on.
        </span>
      )}
      <FormProblems failure={failure} errors={errors} />
    </div>
  );
}
