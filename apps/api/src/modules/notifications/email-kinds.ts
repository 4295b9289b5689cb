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
    /** 0–10. */
    score: number;
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
export type DigestItemKind = Exclude<EmailKind, 'DIGEST' | 'INVITATION'>;

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

// A record first, so that a new kind without words for the preferences page fails to compile.
const ABOUT: { [K in EmailKind]: Omit<EmailKindInfo, 'kind'> } = {
  INVITATION: {
    label: 'Invitations',
    description: 'An invitation to join a consultancy on Service Programme, with the link to accept it.',
  },
  ACTION_ASSIGNED: {
    label: 'Actions given to you',
    description: 'When someone makes you responsible for an action in a client’s programme.',
  },
  ACTION_REMINDER: {
    label: 'Reminders about your actions',
    description:
      'A reminder three days before an action of yours is due, another on the day, and one a week later if it is still not done.',
  },
  SERVICE_LEVEL_ALERT: {
    label: 'Service standards missed or at risk',
    description:
      'When a service standard the client promised (such as how quickly calls are answered) misses its target for a period, or is close to missing it.',
  },
  DETRACTOR_FEEDBACK: {
    label: 'Unhappy customer feedback',
    description:
      'When a customer gives a low score in a feedback survey, with their comment if they left one.',
  },
  RISING_COMPLAINTS: {
    label: 'Complaints on the rise',
    description: 'When a client receives more complaints of one kind than in the period before.',
  },
  MONTHLY_REPORT: {
    label: 'Monthly programme report',
    description: 'Each month’s programme report for a client, ready to download.',
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
