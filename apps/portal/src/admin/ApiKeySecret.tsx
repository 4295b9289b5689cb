import { useState } from 'react';

/** The whole key, shown once right after creation; it cannot be fetched again. */
export function ApiKeySecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="banner banner-note" role="status">
      <p className="banner-title">Key “{name}” created. Copy it now: you will not see this again.</p>
      <div className="field">
        <label htmlFor="api-key-secret">Secret</label>
        <input
          id="api-key-secret"
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby="api-key-secret-hint"
        />
        <p id="api-key-secret-hint" className="field-hint">
          Send it as <code>Authorization: Bearer &lt;secret&gt;</code>.
        </p>
      </div>
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
      >
        {copied ? 'Copied' : 'Copy key'}
      </button>{' '}
      <button type="button" className="button button-quiet button-small" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}
