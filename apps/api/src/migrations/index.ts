import { CreateTenancyAndAccounts1763800000000 } from './1763800000000-create-tenancy-and-accounts.js';
import { CreateEngagementsAndWorkshops1763800001000 } from './1763800001000-create-engagements-and-workshops.js';

/** In the order they run. A landed migration is never edited: a change is a new file here. */
export const migrations = [CreateTenancyAndAccounts1763800000000, CreateEngagementsAndWorkshops1763800001000];
