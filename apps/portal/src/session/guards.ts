import { redirect } from 'react-router';
import { apolloClient } from '../app/apollo';
import { MeQuery } from './me';
import { homeOf, mayEnter, type Area } from './access';

/**
 * Route loaders that decide, before a page renders, whether the visitor may see it. They read `me` through the
 * Apollo cache, so a signed-in member is fetched once and not on every navigation; signing in or out clears the
 * cache (see useSessionChange), so the next guard asks the API again. Who may enter what is `mayEnter`, the API's
 * own permission catalogue.
 */
async function currentMember() {
  const { data } = await apolloClient.query({ query: MeQuery });
  return data?.me ?? null;
}

export async function requireMember() {
  if (!(await currentMember())) throw redirect('/sign-in');
  return null;
}

export async function requireSignedOut() {
  if (await currentMember()) throw redirect('/');
  return null;
}

/** A loader for an area's pages: the signed-out go to sign in, a member who may not enter goes to their home. */
export function requireAccess(area: Area) {
  return async () => {
    const me = await currentMember();
    if (!me) throw redirect('/sign-in');
    if (!mayEnter(me.role, area)) throw redirect(homeOf(me.role));
    return null;
  };
}
