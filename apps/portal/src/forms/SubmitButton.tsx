interface SubmitButtonProps {
  pending: boolean;
  children: string;
  pendingLabel: string;
}

/** The form's main action; disabled while the request is on its way so it cannot be sent twice. */
export function SubmitButton({ pending, children, pendingLabel }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      className="button button-primary"
      disabled={pending}
      aria-busy={pending || undefined}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
