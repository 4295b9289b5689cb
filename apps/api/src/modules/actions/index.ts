import { ActionEntity, ActionNoteEntity } from './entities.js';
import { resolvers } from './resolvers.js';

export const actions = { name: 'actions', resolvers, entities: [ActionEntity, ActionNoteEntity] };
