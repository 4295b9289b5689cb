import { ShownOnceSecret } from '../ui/ShownOnceSecret';

/** The whole key, shown once right after creation; it cannot be fetched again. */
export function ApiKeySecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  return (
    <ShownOnceSecret
      title={`Key “${name}” created. Copy it now: you will not see this again.`}
      label="Secret"
      hint={
        <>
          Send it as <code>Authorization: Bearer &lt;secret&gt;</code>.
        </>
      }
      copyLabel="Copy key"
      secret={secret}
      onDone={onDone}
    />
  );
}
