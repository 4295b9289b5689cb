import { readConfig } from './core/config.js';
import { provisionDatabase } from './core/database/provision.js';

/** `npm run migrate -w @csp/api`: applies pending migrations (used by the Kubernetes migration Job) and exits. */
const database = await provisionDatabase(readConfig(), (line) => console.error(line));
console.log(
  database.appliedMigrations.length
    ? `Applied: ${database.appliedMigrations.join(', ')}`
    : 'Nothing to migrate.',
);
await database.stop();
