import { redirect } from 'react-router';
import { apolloClient } from '../app/apollo';
import { MeQuery } from './me';

/**
 * Route loaders that decide, before a page renders, whether the visitor may see it. They read `me` through the
 * Apollo cache, so a signed-in member is fetched once and not on every navigation; signing in or out clears the
 * cache (see useSessionChange), so the next guard asks the API again.
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

/** Consultants' pages: a client leader is sent to their programme, the only page that is theirs. */
export async function requireConsultant() {
  const me = await currentMember();
  if (!me) throw redirect('/sign-in');
  if (me.role === 'CLIENT_LEADER') throw redirect('/programme');
  return null;
}

export async function requireAdmin() {
  const me = await currentMember();
  if (!me) throw redirect('/sign-in');
  if (me.role !== 'ADMIN') throw redirect(me.role === 'CLIENT_LEADER' ? '/programme' : '/');
  return null;
}

export async function requireClientLeader() {
  const me = await currentMember();
  if (!me) throw redirect('/sign-in');
  if (me.role !== 'CLIENT_LEADER') throw redirect('/');
  return null;
}
