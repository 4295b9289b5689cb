import { touchPointEntities } from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export type { TouchPointRow, JourneyStageRow } from './entities.js';
export { liveTouchPointsOfClient, touchPointOf } from './references.js';
export { addJourneyStage } from './stages.js';
export { addTouchPoint } from './edit-touch-points.js';
export { linkTouchPointCriterion, linkTouchPointPromise } from './links.js';
export { reorderJourney } from './reorder.js';
export { touchPointById, touchPointsOfClient } from './loaders.js';

export const touchPoints = { name: 'touch-points', resolvers, entities: touchPointEntities };
