import { CharterEntity, CharterVersionEntity } from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export type { CharterVersionRow } from './entities.js';
export { startCharterDraft } from './drafts.js';
export { saveCharterDraft } from './edit-draft.js';
export { publishCharterVersion } from './publish.js';
export {
  publishedCharterOf,
  publishedPromisesOfClients,
  publishedPromiseTitles,
  type PublishedPromises,
} from './published-charter.js';
export { charterHasPromise, charterOfClient, lockCharter, promiseOfCharter } from './references.js';
export { signOffCharterVersion } from './sign-off.js';

export const charters = {
  name: 'charters',
  resolvers,
  entities: [CharterEntity, CharterVersionEntity],
};
