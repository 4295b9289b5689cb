import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SYSTEM_SSO_SETTINGS, type RequestContext } from '../context.js';
import { ANONYMOUS } from '../auth/viewer.js';
import { openRequestDatabase } from './request-database.js';
import { DEFAULT_FEEDBACK_SETTINGS, DEFAULT_WEBHOOK_SETTINGS, readConfig } from '../config.js';

/**
 * A request context for code that is not an HTTP request (the demo seed, scripts): the same services, rules and
 * row-level security as the API, with one transaction committed at the end. Mail it causes is queued in that
 * transaction, for the mail worker, like a request's.
 */
export async function inScriptContext<T>(
  dataSource: DataSource,
  work: (context: RequestContext) => Promise<T>,
): Promise<T> {
  const context: RequestContext = {
    viewer: ANONYMOUS,
    db: openRequestDatabase(dataSource),
    loaders: new Map(),
    requestId: randomUUID(),
    session: { set: () => undefined, clear: () => undefined },
    settings: {
      sessionDays: 1,
      publicUrl: 'http://localhost:4000',
      webhooks: DEFAULT_WEBHOOK_SETTINGS,
      feedback: DEFAULT_FEEDBACK_SETTINGS,
      mailDelivery: 'KEPT',
      emailLinkSecret: readConfig().emailLinkSecret,
      sso: SYSTEM_SSO_SETTINGS,
    },
  };
  try {
    const result = await work(context);
    await context.db.finish('commit');
    return result;
  } catch (error) {
    await context.db.finish('rollback').catch(() => undefined);
    throw error;
  }
}
