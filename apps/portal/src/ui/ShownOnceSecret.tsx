import { useId, useState, type ReactNode } from 'react';
import { Button } from './Button';

/**
 * A secret shown once, right after it is issued: the API keeps no way to read it again, so the page says so, offers
 * a copy button, and leaves it on screen until the person confirms they stored it.
 */
export function ShownOnceSecret({
  title,
  label,
  hint,
  copyLabel,
  secret,
  onDone,
}: {
  title: string;
  label: string;
  hint: ReactNode;
  copyLabel: string;
  secret: string;
  onDone: () => void;
}) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="banner banner-note" role="status">
      <p className="banner-title">{title}</p>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      </div>
      <Button
        size="small"
        onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
      >
        {copied ? 'Copied' : copyLabel}
      </Button>{' '}
      <Button size="small" onClick={onDone}>
        I have stored it
      </Button>
    </div>
  );
}
