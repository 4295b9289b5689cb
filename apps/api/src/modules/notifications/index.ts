import { EmailDigestSettingsEntity, EmailPreferenceEntity } from './entities.js';
import { resolvers } from './resolvers.js';
import { unsubscribeByPost, unsubscribePage } from './unsubscribe.js';
import { digestJob } from './digest-job.js';

/** What other modules (the mail outbox, the code that decides who hears of what) may use. */
export {
  EMAIL_KINDS,
  emailKindLabel,
  type EmailData,
  type EmailKind,
  type ReminderWhen,
} from './email-kinds.js';
export { renderEmail, type EmailFrame, type RenderedEmail } from './render-email.js';
export { digestSettingsOf, recipientDelivery } from './recipient-delivery.js';
export { notify, type Audience, type Notice, type NoticeFor } from './notify.js';
export { followersOfClient } from './followers.js';
export {
  preferencesUrl,
  unsubscribeHeaders,
  unsubscribeUrl,
  verifyUnsubscribeToken,
  type EmailLinkSettings,
  type UnsubscribeTarget,
} from './unsubscribe-links.js';

export const notifications = {
  name: 'notifications',
  resolvers,
  entities: [EmailPreferenceEntity, EmailDigestSettingsEntity],
  routes: [unsubscribePage, unsubscribeByPost],
  scheduledJobs: [digestJob],
};
