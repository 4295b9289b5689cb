import type { Connection } from '../../core/pagination.js';
import type { MailOutboxRow, MailSuppressionRow } from './entities.js';

/** What this module's GraphQL types resolve from (see webhooks/mappers.ts); a mail is its outbox row. */
export type MailMapper = MailOutboxRow;
export type MailSuppressionMapper = MailSuppressionRow;
export type MailConnectionMapper = Connection<MailOutboxRow>;
