import { exportDownload } from './export-download.js';
import { resolvers } from './resolvers.js';

export const consultancy = { name: 'consultancy', resolvers, entities: [], routes: [exportDownload] };
