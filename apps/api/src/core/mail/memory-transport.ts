import { logger } from '../logger.js';
import type { MailMessage, MailTransport } from './transport.js';

export interface MemoryMailTransport extends MailTransport {
  /** What was sent, oldest first (at most `keep` messages). */
  sent(): readonly MailMessage[];
}

/** Enough for a test or a demo session to find its mail; a flood of sign-ups cannot grow memory beyond it. */
const KEEP = 200;

/**
 * Keeps sent mail in memory. Outside production it also prints one line per message to the console (recipient,
 * subject and the links in it), so someone trying the product locally can follow a sign-up link. In production it
 * prints nothing about a message (addresses and links are personal and secret), only a warning, once, that mail
 * goes nowhere until a real transport is configured.
 */
export function memoryMailTransport(
  options: { print?: ((line: string) => void) | null; keep?: number } = {},
): MemoryMailTransport {
  const kept: MailMessage[] = [];
  const keep = options.keep ?? KEEP;
  const print = options.print ?? null;
  return {
    async send(message) {
      kept.push({ ...message });
      if (kept.length > keep) kept.splice(0, kept.length - keep);
      print?.(mailLine(message));
    },
    sent: () => kept,
  };
}

/** The transport the API uses when none is given: it prints outside production and stays silent in production. */
export function defaultMailTransport(production: boolean): MemoryMailTransport {
  if (!production) return memoryMailTransport({ print: (line) => console.log(line) });
  let warned = false;
  const transport = memoryMailTransport({ keep: 0 });
  return {
    ...transport,
    async send(message) {
      if (!warned) {
        warned = true;
        logger.warn('no mail transport is configured: emails (such as sign-up links) are not delivered');
      }
      await transport.send(message);
    },
  };
}

/** `mail to ava@example.com: Confirm your account  http://…` on one line, easy to read and to search for. */
export function mailLine(message: MailMessage): string {
  const links = message.text.match(/https?:\/\/\S+/g) ?? [];
  return [`mail to ${message.to}: ${message.subject}`, ...links].join('  ');
}
