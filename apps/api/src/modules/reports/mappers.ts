import type { ProgrammeReportRow } from './entities.js';

/**
 * What this module's GraphQL types resolve from (`<GraphQLType>Mapper`, found by name by codegen.ts). The file's
 * bytes and its link's hash stay out: they are never read into a list.
 */
export type ProgrammeReportMapper = Omit<ProgrammeReportRow, 'content' | 'downloadTokenHash'>;
