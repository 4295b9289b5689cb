import { resolvers } from './resolvers.js';

export const consultancy = { name: 'consultancy', resolvers, entities: [] };
