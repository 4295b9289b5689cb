import type { ApiRoute, RouteRequest } from '../../core/api-module.js';
import { recordAction } from '../../core/activity-trail.js';
import type { RequestContext } from '../../core/context.js';
import { coded } from '../../core/errors.js';
import { memberOf } from '../accounts/index.js';
import { aboutKind, preferencesOf, storeDelivery } from './preferences.js';
import { EMAIL_KINDS } from './email-kinds.js';
import { UNSUBSCRIBE_PATH, verifyUnsubscribeToken, type UnsubscribeTarget } from './unsubscribe-links.js';

const BAD_LINK =
  'This unsubscribe link is not valid: it may have been cut short or changed on its way. Sign in and open your ' +
  'email settings to choose what you get.';

function targetOf(context: RequestContext, request: RouteRequest): UnsubscribeTarget | null {
  return verifyUnsubscribeToken(context.settings.emailLinkSecret, request.query.token);
}

/**
 * RFC 8058's one-click unsubscribe: a mail client POSTs `List-Unsubscribe=One-Click` to the link, as form data and
 * without cookies. The token is the whole authority: it names the consultancy (which becomes the request's tenant,
 * so row-level security applies as anywhere), the member and the one kind it turns off. A member since removed is
 * answered as if it worked, so a link tells nobody who is still a member. The settings page's own button posts the
 * same form with `then=page`, and is taken on to the portal's page that says what was turned off.
 */
export const unsubscribeByPost: ApiRoute = {
  method: 'POST',
  path: UNSUBSCRIBE_PATH,
  allow: 'public',
  signedLink: true,
  async handle(context, request) {
    const target = targetOf(context, request);
    if (!target) throw coded('BAD_REQUEST', BAD_LINK);
    await context.db.enterTenant({ tenantId: target.tenantId, clientId: null });
    await context.db.write(async (db) => {
      const member = await memberOf(db, target.memberId);
      if (!member) return;
      if (target.kind === 'DIGEST') {
        // The summary's own link: what it gathers stops, rather than coming one email each instead.
        const { kinds } = await preferencesOf(db, { memberId: member.id, role: member.role });
        for (const { kind } of kinds.filter((choice) => choice.delivery === 'DIGEST')) {
          await storeDelivery(db, member.id, kind, 'OFF');
        }
      } else {
        await storeDelivery(db, member.id, target.kind, 'OFF');
      }
      // Recorded as the member's own act: the link was sent to them alone.
      const asMember = {
        ...context,
        viewer: {
          kind: 'member' as const,
          tenantId: target.tenantId,
          memberId: member.id,
          role: member.role,
          clientId: member.clientId,
          sessionId: '',
        },
      };
      await recordAction(db, asMember, {
        action: 'unsubscribeEmail',
        object: { type: 'Member', id: member.id },
        changedFields: ['kind', 'delivery'],
      });
    });
    const body = request.body as Record<string, unknown> | undefined;
    if (body?.then === 'page') {
      return { kind: 'redirect', location: `/email/unsubscribed?kind=${encodeURIComponent(target.kind)}` };
    }
    return { kind: 'json', body: { unsubscribed: true, kind: target.kind } };
  },
};

/**
 * Opening the link changes nothing: mail scanners and previews fetch links on their own, and a GET that
 * unsubscribed would turn emails off for people who never asked. It answers a page whose button POSTs the form.
 */
export const unsubscribePage: ApiRoute = {
  method: 'GET',
  path: UNSUBSCRIBE_PATH,
  allow: 'public',
  signedLink: true,
  async handle(context, request) {
    const target = targetOf(context, request);
    if (!target)
      return { kind: 'html', status: 400, body: page('Link not valid', `<p>${escape(BAD_LINK)}</p>`) };
    const token = String(request.query.token);
    const label =
      target.kind === 'DIGEST'
        ? `${EMAIL_KINDS.find((info) => info.kind === 'DIGEST')!.label} (and what it gathers)`
        : aboutKind(target.kind).label;
    return {
      kind: 'html',
      body: page(
        'Unsubscribe',
        `<p>Stop getting emails about: <strong>${escape(label)}</strong>?</p>
    <form method="post" action="${UNSUBSCRIBE_PATH}?token=${escape(encodeURIComponent(token))}">
      <input type="hidden" name="List-Unsubscribe" value="One-Click">
      <input type="hidden" name="then" value="page">
      <button type="submit">Unsubscribe</button>
    </form>
    <p>You can turn it back on at any time in your <a href="/settings/email">email settings</a>.</p>`,
      ),
    };
  },
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>${escape(title)} · Service Programme</title>
  </head>
  <body>
    <h1>${escape(title)}</h1>
    ${body}
  </body>
</html>
`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
