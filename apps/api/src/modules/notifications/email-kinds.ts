import { PREFERENCE_KIND_WORDS } from '@csp/domain';

/**
 * Every email Service Programme sends, and the data each one is rendered from. The templates print this data and
 * nothing else: whoever builds the data decides what the recipient may see (a client leader's digest holds their
 * own client only), so the fence is kept where the data is read, never in a template.
 *
 * Dates arrive as strings (ISO instants, or YYYY-MM-DD for due dates) so the data can wait in a queue as JSON.
 */
export interface EmailData {
  INVITATION: {
    inviterName: string;
    consultancyName: string;
    roleLabel: string;
    /** The client a client leader is invited for; null for a consultancy member. */
    clientName: string | null;
    expiresAt: string;
    /** Carries the invitation's secret in its fragment: printed as given, never rewritten or tracked. */
    acceptUrl: string;
  };
  ACTION_ASSIGNED: {
    assigneeName: string;
    assignedByName: string;
    clientName: string;
    actionTitle: string;
    dueDate: string | null;
    actionUrl: string;
  };
  ACTION_REMINDER: {
    assigneeName: string;
    clientName: string;
    actionTitle: string;
    dueDate: string;
    when: ReminderWhen;
    actionUrl: string;
  };
  SERVICE_LEVEL_ALERT: {
    clientName: string;
    /** What the charter promises, in the client's words: "Answer calls within 30 seconds". */
    standardName: string;
    status: 'BREACHED' | 'AT_RISK';
    periodLabel: string;
    measuredLabel: string;
    targetLabel: string;
    serviceLevelUrl: string;
  };
  DETRACTOR_FEEDBACK: {
    clientName: string;
    score: number;
    /** The top of the survey's scale: 10 for NPS, 5 for satisfaction, 7 for effort. */
    scoreOutOf: number;
    touchPointName: string | null;
    /** The customer's own words, as long as they wrote them; the email quotes the start only. */
    comment: string | null;
    receivedAt: string;
    feedbackUrl: string;
  };
  RISING_COMPLAINTS: {
    clientName: string;
    categoryLabel: string;
    thisPeriodCount: number;
    previousPeriodCount: number;
    periodLabel: string;
    complaintsUrl: string;
  };
  MONTHLY_REPORT: {
    clientName: string;
    consultancyName: string;
    monthLabel: string;
    downloadUrl: string;
    expiresAt: string;
  };
  /** To the consultancy's admins: a signing certificate their identity provider uses is about to expire. */
  SSO_CERTIFICATE_EXPIRING: {
    connectionName: string;
    certificateSubject: string;
    expiresAt: string;
    daysLeft: number;
    settingsUrl: string;
  };
  DIGEST: {
    recipientName: string;
    cadence: 'DAILY' | 'WEEKLY';
    periodLabel: string;
    /** Printed in the order given, as are each group's items. */
    groups: DigestGroup[];
  };
}

export type EmailKind = keyof EmailData;

export type ReminderWhen = 'IN_3_DAYS' | 'TODAY' | 'OVERDUE_7_DAYS';

/** What a digest gathers: the emails one may choose to get in a summary instead (an invitation is never batched). */
export type DigestItemKind = Exclude<EmailKind, 'DIGEST' | 'INVITATION' | 'SSO_CERTIFICATE_EXPIRING'>;

export interface DigestItem {
  kind: DigestItemKind;
  /** One sentence, already written by whoever gathered the digest. */
  line: string;
  url: string;
}

export interface DigestGroup {
  clientName: string;
  items: DigestItem[];
}

export interface EmailKindInfo {
  kind: EmailKind;
  label: string;
  description: string;
}

// A record first, so that a new kind without words for the preferences page fails to compile. The kinds a member
// chooses about take their words from the domain, which the portal shows without asking the API (the unsubscribe page).
const ABOUT: { [K in EmailKind]: Omit<EmailKindInfo, 'kind'> } = {
  INVITATION: {
    label: 'Invitations',
    description: 'An invitation to join a consultancy on Service Programme, with the link to accept it.',
  },
  ...PREFERENCE_KIND_WORDS,
  SSO_CERTIFICATE_EXPIRING: {
    label: 'Single sign-on certificates',
    description:
      'To admins, 30, 7 and 1 days before a signing certificate of your identity provider expires. Always sent: ' +
      'an expired certificate stops everyone signing in through it.',
  },
  DIGEST: {
    label: 'Daily or weekly summary',
    description:
      'One email that gathers your updates, grouped by client, instead of a separate email for each.',
  },
};

/** The kinds in the order a preferences page lists them, with the words it shows. */
export const EMAIL_KINDS: readonly EmailKindInfo[] = (Object.keys(ABOUT) as EmailKind[]).map((kind) => ({
  kind,
  ...ABOUT[kind],
}));

export function emailKindLabel(kind: EmailKind): string {
  return ABOUT[kind].label;
}
