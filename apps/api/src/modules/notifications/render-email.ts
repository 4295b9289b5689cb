import { render } from '@react-email/render';
import type { EmailData, EmailKind } from './email-kinds.js';
import type { EmailContent, EmailFrame } from './email-layout.js';
import { actionAssignedEmail, actionReminderEmail } from './action-emails.js';
import { detractorFeedbackEmail, risingComplaintsEmail, serviceLevelAlertEmail } from './evidence-emails.js';
import { digestEmail } from './digest-email.js';
import { invitationEmail } from './invitation-email.js';
import { monthlyReportEmail } from './report-email.js';
import { ssoCertificateExpiringEmail } from './sso-certificate-email.js';

export type { EmailFrame } from './email-layout.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

type Template<K extends EmailKind> = (data: EmailData[K], frame: EmailFrame) => EmailContent;

// A mapped type, so a kind without a template (or a template fed the wrong data) fails to compile.
const TEMPLATES: { [K in EmailKind]: Template<K> } = {
  INVITATION: invitationEmail,
  ACTION_ASSIGNED: actionAssignedEmail,
  ACTION_REMINDER: actionReminderEmail,
  SERVICE_LEVEL_ALERT: serviceLevelAlertEmail,
  DETRACTOR_FEEDBACK: detractorFeedbackEmail,
  RISING_COMPLAINTS: risingComplaintsEmail,
  MONTHLY_REPORT: monthlyReportEmail,
  SSO_CERTIFICATE_EXPIRING: ssoCertificateExpiringEmail,
  DIGEST: digestEmail,
};

/** html-to-text shouts headings in capitals by default; a title typed by a person should read as they typed it. */
const TEXT_OPTIONS = {
  selectors: ['h1', 'h2'].map((selector) => ({ selector, options: { uppercase: false } })),
};

/**
 * One email, as the subject and both bodies of a multipart message. Every string in `data` and `frame` is printed
 * as text (React escapes it), never as markup, and the email holds nothing but what is passed in.
 */
export async function renderEmail<K extends EmailKind>(
  kind: K,
  data: EmailData[K],
  frame: EmailFrame,
): Promise<RenderedEmail> {
  const template: Template<K> = TEMPLATES[kind];
  const { subject, element } = template(data, frame);
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions: TEXT_OPTIONS }),
  ]);
  // Empty paragraphs and nested blocks leave runs of blank lines; one is enough to separate paragraphs.
  return { subject, html, text: text.replace(/\n{3,}/g, '\n\n').trim() };
}
