/**
 * `npm run generate -w @csp/bench -- [--tenants N | --small | --large] [--seed S] [--skip-service-levels]`: fills a
 * database with N generated consultancies (default 1,000; --small 10, --large 10,000), with their service levels
 * and measurements unless told to skip them, and prints rows and seconds.
 *
 * With DATABASE_URL (an owner or superuser connection to a migrated database), fills that database (with
 * `--skip-key-checks`, as a superuser, without the foreign-key triggers); otherwise
 * starts an embedded PostgreSQL in a temporary folder, fills it, reports, and removes it again.
 */
import { parseArgs } from 'node:util';
import { startBenchDatabase } from './database.js';
import { generate } from './generate.js';

const { values } = parseArgs({
  options: {
    tenants: { type: 'string' },
    small: { type: 'boolean', default: false },
    large: { type: 'boolean', default: false },
    seed: { type: 'string', default: '2026' },
    from: { type: 'string', default: '0' },
    'skip-key-checks': { type: 'boolean', default: false },
    'skip-service-levels': { type: 'boolean', default: false },
  },
});
const tenants = values.large ? 10_000 : values.small ? 10 : Number(values.tenants ?? 1_000);
if (!Number.isInteger(tenants) || tenants < 1 || tenants > 100_000)
  throw new Error('--tenants: 1 to 100,000');

async function main() {
  const database = process.env.DATABASE_URL
    ? { ownerUrl: process.env.DATABASE_URL, stop: async () => undefined }
    : await startBenchDatabase((line) => console.error(line));
  try {
    const result = await generate(database.ownerUrl, {
      from: Number(values.from),
      to: Number(values.from) + tenants,
      seed: Number(values.seed),
      // Needs a superuser (the embedded server's owner is one).
      skipForeignKeyChecks: values['skip-key-checks'] || !process.env.DATABASE_URL,
      serviceLevels: !values['skip-service-levels'],
      log: console.log,
    });
    for (const [table, rows] of Object.entries(result.rows))
      console.log(`${table.padEnd(26)}${rows.toLocaleString('en').padStart(12)}`);
    console.log(
      `${tenants.toLocaleString('en')} consultancies: ${result.totalRows.toLocaleString('en')} rows in ${result.seconds.toFixed(1)} s`,
    );
  } finally {
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
