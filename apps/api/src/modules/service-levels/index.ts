import {
  ServiceLevelCorrectionEntity,
  ServiceLevelEntity,
  ServiceLevelMeasurementEntity,
  ServiceLevelPeriodEntity,
  ServiceLevelVersionEntity,
} from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export type { ServiceLevelRow } from './entities.js';
export { createServiceLevel } from './create-service-level.js';
export { updateServiceLevel } from './update-service-level.js';
export { recordMeasurements } from './record-measurements.js';
export { serviceLevelById, serviceLevelsOfClient } from './loaders.js';
export { serviceLevelOf } from './references.js';
export { monthlyValidEvents, timeZoneOfClient } from './volumes.js';

export const serviceLevels = {
  name: 'service-levels',
  resolvers,
  entities: [
    ServiceLevelEntity,
    ServiceLevelVersionEntity,
    ServiceLevelMeasurementEntity,
    ServiceLevelPeriodEntity,
    ServiceLevelCorrectionEntity,
  ],
};
