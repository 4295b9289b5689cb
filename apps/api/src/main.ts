import type { Server } from 'node:http';
import { mailDeliveryOf, readConfig } from './core/config.js';
import { ssoSettingsOf } from './core/context.js';
import { createAppDataSource } from './core/database/data-source.js';
import { provisionDatabase } from './core/database/provision.js';
import { logger } from './core/logger.js';
import { loggedError } from './core/logged-error.js';
import { createApi } from './core/server.js';
import { entities, modules } from './modules/index.js';
import { startWebhookWorker } from './modules/webhooks/index.js';
import { startMailWorker } from './modules/mail/index.js';
import { startScheduledWork } from './core/scheduled-work.js';
import { seedDemo } from './demo/seed-demo.js';

async function main() {
  const config = readConfig();
  const database = await provisionDatabase(config, (line) => logger.warn(line));
  if (database.appliedMigrations.length) logger.info({ migrations: database.appliedMigrations }, 'migrated');
  const dataSource = createAppDataSource(database.appUrl, entities);
  await dataSource.initialize();

  const demo = config.demoData ? await seedDemo(dataSource) : null;

  const api = await createApi({
    dataSource,
    modules,
    production: config.production,
    development: config.development,
    sessionDays: config.sessionDays,
    portalDist: config.portalDist,
    webhooks: config.webhooks,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    rateLimit: config.rateLimit,
    concurrency: config.concurrency,
    budget: config.budget,
    publicUrl: config.publicUrl,
    sso: ssoSettingsOf({
      dnsServers: config.ssoDnsServers,
      allowPrivateAddresses: config.ssoAllowPrivateAddresses,
    }),
    mailDelivery: mailDeliveryOf(config.mail),
  });
  // Every API process delivers the outbox too (unless WEBHOOK_WORKER=off): claims are leased, so they share the work.
  const webhookWorker = startWebhookWorker(dataSource, config.webhooks);
  // Likewise the mail outbox (unless MAIL_WORKER=off); without SMTP_URL it keeps mail instead of sending it.
  // Without SMTP_URL, outside production, a kept sign-up mail is printed (its link included) so that whoever runs
  // the product can finish signing up: no admin exists yet to read it on the "Sent mail" page.
  const mailWorker = startMailWorker(dataSource, config.mail, {
    showKept: config.production ? null : (line) => console.log(line),
  });
  // And the scheduled work (reminders, digests, monthly reports), on the same leased loop (unless SCHEDULED_WORK=off).
  const scheduledWork = startScheduledWork(
    dataSource,
    modules.flatMap((module) => module.scheduledJobs ?? []),
    {
      publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
      emailLinkSecret: config.emailLinkSecret,
      schema: api.schema,
    },
    config.scheduledWork,
  );
  const server: Server = api.app.listen(config.port, () => {
    const url = `http://localhost:${config.port}`;
    console.log(`\nService Programme is running at ${url}  (GraphQL: ${url}/graphql)`);
    if (!config.databaseUrl) console.log(`Embedded PostgreSQL data: ${config.dataDir}`);
    if (demo) {
      console.log(
        `Demo sign-in: ${demo.email} / ${demo.password}${demo.created ? '  (demo data just created)' : ''}`,
      );
    }
    if (!config.mail.smtpUrl) {
      console.log(
        'No SMTP server is configured (SMTP_URL): mail is kept, not sent; admins read it on the "Sent mail" page' +
          (config.production ? '.' : ', and sign-up links are printed here.'),
      );
    }
    console.log('Press Ctrl-C to stop.\n');
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests in flight');
    // Closing the server stops new connections and waits for the requests in flight; then the pool, then PostgreSQL.
    await api.stop(server);
    // After the requests: an attempt in flight is recorded before the pool closes.
    await Promise.all([webhookWorker.stop(), mailWorker.stop(), scheduledWork.stop()]);
    await dataSource.destroy();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'the API could not start');
  // Printed as it is logged: a failed statement's parameters (the demo's password hash) stay out of the console too.
  const printed = loggedError(error);
  console.error(printed.stack ?? printed.message);
  process.exit(1);
});
