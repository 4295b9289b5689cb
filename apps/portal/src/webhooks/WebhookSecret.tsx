import { ShownOnceSecret } from '../ui/ShownOnceSecret';

/** A signing secret, shown once right after it is issued; the receiver verifies deliveries with it. */
export function WebhookSecret({
  title,
  secret,
  onDone,
}: {
  title: string;
  secret: string;
  onDone: () => void;
}) {
  return (
    <ShownOnceSecret
      title={`${title} Store the signing secret now: it won’t be shown again.`}
      label="Signing secret"
      hint={
        <>
          Give it to the receiving system; it checks each delivery’s <code>webhook-signature</code> header
          with it.
        </>
      }
      copyLabel="Copy secret"
      secret={secret}
      onDone={onDone}
    />
  );
}
