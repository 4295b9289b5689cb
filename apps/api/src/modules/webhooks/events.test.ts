import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_NAMES } from '@csp/domain';
import { REPO_ROOT } from '../../core/config.js';
import { WEBHOOK_EVENT_KEYS } from './events.js';

interface DocumentedEvent {
  event: string;
  bodyType: string;
  keys: string[];
}

const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

/** The rows of the first table (the events) under "## Webhooks" in docs/api.md; the test event's row names no event type. */
function documentedEvents(): DocumentedEvent[] {
  const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs/api.md'), 'utf8');
  const section = doc.split(/^## Webhooks$/m)[1]?.split(/^## /m)[0] ?? '';
  const lines = section.split('\n');
  const start = lines.findIndex((line) => line.startsWith('| event'));
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
  return lines.slice(start + 2, end).map((line) => {
    const [event = '', bodyType = '', keys = ''] = line.split('|').slice(1, 4);
    const [bodyName = ''] = ticked(bodyType);
    return {
      event: bodyName === 'webhook.test' ? 'TEST' : (ticked(event)[0] ?? ''),
      bodyType: bodyName,
      keys: ticked(keys),
    };
  });
}

describe('the webhook events in docs/api.md', () => {
  it('are the events of WebhookEvents, with the same type in the body and the same data keys in order', () => {
    const inCode = Object.entries(WEBHOOK_EVENT_KEYS).map(([event, keys]) => ({
      event,
      bodyType: WEBHOOK_EVENT_NAMES[event as keyof typeof WEBHOOK_EVENT_NAMES],
      keys: [...keys],
    }));
    expect(documentedEvents()).toEqual(inCode);
  });
});
