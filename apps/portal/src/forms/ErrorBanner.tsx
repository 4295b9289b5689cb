import type { ReactNode } from 'react';

/** A problem with the whole form or page, announced to screen readers as it appears. */
export function ErrorBanner({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="banner banner-error" role="alert">
      {title && <p className="banner-title">{title}</p>}
      <div>{children}</div>
    </div>
  );
}

export function MessagesBanner({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ErrorBanner>
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </ErrorBanner>
  );
}
