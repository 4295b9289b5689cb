import { Button } from '../ui/Button';

interface SubmitButtonProps {
  pending: boolean;
  children: string;
  pendingLabel: string;
  /** Also disabled when there is nothing to send (e.g. nothing changed). */
  disabled?: boolean;
}

/** The form's main action; disabled while the request is on its way so it cannot be sent twice. */
export function SubmitButton({ pending, children, pendingLabel, disabled = false }: SubmitButtonProps) {
  return (
    <Button type="submit" variant="primary" disabled={pending || disabled} aria-busy={pending || undefined}>
      {pending ? pendingLabel : children}
    </Button>
  );
}
