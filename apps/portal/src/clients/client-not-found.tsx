import { Link } from 'react-router';
import type { NotFound } from '../ui/QueryResult';

/** What a page under /clients/:clientId says when there is no such client (or it is not this consultancy's). */
export const CLIENT_NOT_FOUND: NotFound = {
  title: 'Client not found',
  message: 'There is no such client in your consultancy.',
  back: <Link to="/">Go to your clients</Link>,
};
