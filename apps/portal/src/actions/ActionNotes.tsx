import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextAreaField } from '../forms/TextAreaField';
import { useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import { formatDateTime } from '../ui/format';
import { QueryState } from '../ui/QueryState';

export const ActionNotesQuery = graphql(`
  query ActionNotes($id: ID!) {
    action(id: $id) {
      id
      notes {
        id
        body
        createdAt
        author {
          id
          name
        }
      }
    }
  }
`);

export const AddActionNoteMutation = graphql(`
  mutation AddActionNote($input: AddActionNoteInput!) {
    addActionNote(input: $input) {
      action {
        id
        notes {
          id
          body
          createdAt
          author {
            id
            name
          }
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** An action's notes, loaded when opened (lists stay cheap), with a form to add one. */
export function ActionNotes({ actionId, description }: { actionId: string; description: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="action-notes" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Notes<span className="visually-hidden"> on “{description}”</span>
      </summary>
      {open && <NotesBody actionId={actionId} description={description} />}
    </details>
  );
}

function NotesBody({ actionId, description }: { actionId: string; description: string }) {
  const { data, loading, error, refetch } = useQuery(ActionNotesQuery, { variables: { id: actionId } });
  const [add] = useMutation(AddActionNoteMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(['body'] as const);
  const submit = onSubmit(
    async (v) => (await add({ variables: { input: { actionId, body: v.body } } })).data?.addActionNote,
    (form) => form.reset(),
  );
  const notes = data?.action?.notes ?? [];
  return (
    <QueryState loading={loading} error={error} what="notes" retry={refetch} hasData={Boolean(data)}>
      {notes.length === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <ul className="notes">
          {notes.map((n) => (
            <li key={n.id}>
              {n.body}{' '}
              <span className="muted">
                — {n.author?.name ?? 'someone'}, {formatDateTime(n.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form ref={formRef} className="form" onSubmit={submit} aria-label={`Add a note to “${description}”`}>
        <FormProblems failure={failure} errors={errors} />
        <TextAreaField name="body" label="Note" required rows={2} errors={errors.byField.body} />
        <SubmitButton pending={pending} pendingLabel="Adding…">
          Add note
        </SubmitButton>
      </form>
    </QueryState>
  );
}
