import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_NAMES, WEBHOOK_EVENT_TYPES } from '@csp/domain';
import { useId } from 'react';
import type { WebhookEventType } from '../generated/graphql';

/** The events an endpoint is sent, as checkboxes named `events`; read them with `FormData.getAll('events')`. */
export function EventChoices({
  errors = [],
  checked = [],
}: {
  errors?: readonly string[] | undefined;
  checked?: readonly WebhookEventType[];
}) {
  const errorId = `${useId()}-error`;
  const invalid = errors.length > 0;
  return (
    <fieldset
      className={invalid ? 'fieldset field-invalid' : 'fieldset'}
      aria-describedby={invalid ? errorId : undefined}
    >
      <legend>Events to send</legend>
      {WEBHOOK_EVENT_TYPES.map((event) => (
        <label key={event} className="checkbox">
          <input
            type="checkbox"
            name="events"
            value={event}
            defaultChecked={checked.includes(event)}
            aria-invalid={invalid ? true : undefined}
          />{' '}
          {WEBHOOK_EVENT_LABELS[event]} <code className="muted">{WEBHOOK_EVENT_NAMES[event]}</code>
        </label>
      ))}
      {invalid && (
        <div id={errorId} className="field-error">
          {errors.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
    </fieldset>
  );
}

export function checkedEvents(form: HTMLFormElement | null): WebhookEventType[] {
  return new FormData(form ?? undefined).getAll('events').map(String) as WebhookEventType[];
}
