import { ConsultancyEntity, MemberEntity, SessionEntity } from './entities.js';
import { resolvers } from './resolvers.js';

export const accounts = {
  name: 'accounts',
  resolvers,
  entities: [ConsultancyEntity, MemberEntity, SessionEntity],
};
