import { describe, expect, it } from 'vitest';
import { invitationTokenIn } from '../members/invitation-mail.js';
import { EMAIL_KINDS, type EmailData, type EmailKind } from './email-kinds.js';
import { COMMENT_QUOTE_LENGTH } from './evidence-emails.js';
import { renderEmail, type EmailFrame } from './render-email.js';

const frame = {
  recipientName: 'Ava Jones',
  consultancyName: 'Brightline Service Partners',
  unsubscribeUrl: 'https://sp.example/email/unsubscribe?kind=all&t=u1#token=uns-123',
  preferencesUrl: 'https://sp.example/settings/email?from=mail&x=1',
} satisfies EmailFrame;

const longComment =
  'I rang four times about the same fault on my meter and every time I had to explain it again from the start. ' +
  'Nobody called me back when they said they would, the hold music was broken, and the last person I spoke to ' +
  'told me to send an email instead, which nobody has answered. I have been a customer for eleven years and this ' +
  'is the first time I have seriously thought about leaving. END-OF-COMMENT-MARKER';

/** One sample per kind, each with URLs that carry `&` and a fragment, the characters escaping would get wrong. */
const samples: { [K in EmailKind]: EmailData[K] } = {
  INVITATION: {
    inviterName: 'Sam Reed',
    consultancyName: 'Brightline Service Partners',
    roleLabel: 'Client leader',
    clientName: 'Northwind Utilities',
    expiresAt: '2026-12-10T14:30:00.000Z',
    acceptUrl: 'https://sp.example/accept-invitation#token=inv-abc123&x=1',
  },
  ACTION_ASSIGNED: {
    assigneeName: 'Ava Jones',
    assignedByName: 'Sam Reed',
    clientName: 'Northwind Utilities',
    actionTitle: 'Retrain the night shift on call-backs',
    dueDate: '2026-12-11',
    actionUrl: 'https://sp.example/clients/c1/actions/a1?tab=detail&from=mail',
  },
  ACTION_REMINDER: {
    assigneeName: 'Ava Jones',
    clientName: 'Northwind Utilities',
    actionTitle: 'Retrain the night shift on call-backs',
    dueDate: '2026-11-26',
    when: 'OVERDUE_7_DAYS',
    actionUrl: 'https://sp.example/clients/c1/actions/a1?tab=detail&from=reminder',
  },
  SERVICE_LEVEL_ALERT: {
    clientName: 'Northwind Utilities',
    standardName: 'Answer calls within 30 seconds',
    status: 'BREACHED',
    periodLabel: 'November 2026',
    measuredLabel: '78.0 % within 30 s',
    targetLabel: '90 %',
    serviceLevelUrl: 'https://sp.example/clients/c1/service-levels/s1?period=2026-11&view=chart',
  },
  DETRACTOR_FEEDBACK: {
    clientName: 'Northwind Utilities',
    score: 3,
    scoreOutOf: 10,
    touchPointName: 'Phone support',
    comment: longComment,
    receivedAt: '2026-12-03T09:12:00.000Z',
    feedbackUrl: 'https://sp.example/clients/c1/feedback/f1?x=1&y=2',
  },
  RISING_COMPLAINTS: {
    clientName: 'Northwind Utilities',
    categoryLabel: 'Billing errors',
    thisPeriodCount: 12,
    previousPeriodCount: 5,
    periodLabel: 'November 2026',
    complaintsUrl: 'https://sp.example/clients/c1/complaints?category=billing&period=2026-11',
  },
  MONTHLY_REPORT: {
    clientName: 'Northwind Utilities',
    consultancyName: 'Brightline Service Partners',
    monthLabel: 'November 2026',
    downloadUrl: 'https://sp.example/reports/r1/download#token=dl-789&format=pdf',
    expiresAt: '2026-12-17T00:00:00.000Z',
  },
  SSO_CERTIFICATE_EXPIRING: {
    connectionName: 'Brightline Entra ID',
    certificateSubject: 'CN=Microsoft Azure Federated SSO Certificate',
    expiresAt: '2026-12-08T00:00:00.000Z',
    daysLeft: 7,
    settingsUrl: 'https://sp.example/admin/single-sign-on?connection=k1',
  },
  DIGEST: {
    recipientName: 'Ava Jones',
    cadence: 'WEEKLY',
    periodLabel: '23–29 November 2026',
    groups: [
      {
        clientName: 'Northwind Utilities',
        items: [
          {
            kind: 'ACTION_REMINDER',
            line: 'Retrain the night shift on call-backs is due today.',
            url: 'https://sp.example/clients/c1/actions/a1?from=digest&n=1',
          },
          {
            kind: 'SERVICE_LEVEL_ALERT',
            line: 'Answer calls within 30 seconds missed its target in November 2026.',
            url: 'https://sp.example/clients/c1/service-levels/s1?from=digest&n=2',
          },
        ],
      },
      {
        clientName: 'Contoso Rail',
        items: [
          {
            kind: 'DETRACTOR_FEEDBACK',
            line: 'A customer gave a score of 2 out of 10 at the ticket office.',
            url: 'https://sp.example/clients/c2/feedback/f9?from=digest&n=3',
          },
        ],
      },
      {
        clientName: 'Fabrikam Health',
        items: [
          {
            kind: 'RISING_COMPLAINTS',
            line: 'Complaints about waiting times rose from 3 to 9.',
            url: 'https://sp.example/clients/c3/complaints?from=digest&n=4',
          },
        ],
      },
    ],
  },
};

/** The URLs an email of this sample must link to, and the only ones it may. */
function urlsOf(kind: EmailKind): string[] {
  const data: Record<string, unknown> = samples[kind];
  const own = Object.entries(data)
    .filter(([key]) => key.endsWith('Url'))
    .map(([, value]) => value as string);
  const digest = kind === 'DIGEST' ? samples.DIGEST.groups.flatMap((g) => g.items.map((i) => i.url)) : [];
  return [...own, ...digest, frame.preferencesUrl, frame.unsubscribeUrl];
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function hrefsOf(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((match) => unescapeHtml(match[1] ?? ''));
}

/** The words a reader sees: tags, comments and the inbox preview left out. */
function visibleText(html: string): string {
  return unescapeHtml(
    html
      .replace(/<head>[\s\S]*?<\/head>/, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  );
}

const kinds = Object.keys(samples) as EmailKind[];

describe('every email', () => {
  it.each(kinds)('%s has a short subject naming what it is about', async (kind) => {
    const { subject } = await renderEmail(kind, samples[kind], frame);
    expect(subject.length).toBeGreaterThan(10);
    expect(subject.length).toBeLessThan(140);
    expect(subject).not.toMatch(/[\r\n]/);
    const specific: Record<EmailKind, string[]> = {
      INVITATION: ['Sam Reed', 'Brightline Service Partners'],
      ACTION_ASSIGNED: ['Retrain the night shift on call-backs', 'Northwind Utilities'],
      ACTION_REMINDER: ['Overdue 7 days: Retrain the night shift on call-backs (Northwind Utilities)'],
      SERVICE_LEVEL_ALERT: ['Answer calls within 30 seconds', 'Northwind Utilities', 'November 2026'],
      DETRACTOR_FEEDBACK: ['3/10', 'Phone support', 'Northwind Utilities'],
      RISING_COMPLAINTS: ['Complaints rising: Billing errors up from 5 to 12 (Northwind Utilities)'],
      MONTHLY_REPORT: ['November 2026', 'Northwind Utilities'],
      SSO_CERTIFICATE_EXPIRING: ['Brightline Entra ID', '7 days'],
      DIGEST: ['weekly', '23–29 November 2026', '4 updates'],
    };
    for (const part of specific[kind]) expect(subject).toContain(part);
  });

  it.each(kinds)('%s links, in HTML and text, to exactly the URLs it was given', async (kind) => {
    const { html, text } = await renderEmail(kind, samples[kind], frame);
    const urls = urlsOf(kind);
    const hrefs = hrefsOf(html);
    for (const url of urls) {
      expect(hrefs).toContain(url);
      expect(text).toContain(url);
    }
    // Nothing beyond the data: no link of our own making, no tracking redirect.
    expect(new Set(hrefs)).toEqual(new Set(urls));
    expect(text.match(/https?:\/\/\S+/g)?.every((url) => urls.includes(url))).toBe(true);
  });

  it.each(kinds)('%s has a plain-text part without markup', async (kind) => {
    const { text } = await renderEmail(kind, samples[kind], frame);
    expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(text).not.toMatch(/&(amp|lt|gt|quot|#x?[0-9a-f]+);/i);
    expect(text).toContain('Brightline Service Partners');
    expect(text).toContain('You get this email because');
  });

  it.each(kinds)('%s prints no placeholder, image or script', async (kind) => {
    const { html, text } = await renderEmail(kind, samples[kind], frame);
    for (const part of [visibleText(html), text]) {
      expect(part).not.toMatch(/\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|Invalid Date/);
    }
    expect(html).not.toMatch(/<img|<script|<iframe|dangerouslySetInnerHTML/i);
  });

  it.each(kinds)('%s has the consultancy in the header and both footer links', async (kind) => {
    const { html } = await renderEmail(kind, samples[kind], frame);
    const seen = visibleText(html);
    expect(seen.indexOf('Brightline Service Partners')).toBeLessThan(seen.indexOf('Hello'));
    expect(seen).toMatch(
      /Change what you get: your email settings · Unsubscribe from these emails: unsubscribe/,
    );
    expect(html).toContain('lang="en-GB"');
  });
});

describe('user input', () => {
  const hostile = '<script>alert(1)</script>';

  it('is escaped in the HTML and kept as plain words in the text', async () => {
    const { subject, html, text } = await renderEmail(
      'ACTION_ASSIGNED',
      { ...samples.ACTION_ASSIGNED, actionTitle: hostile, clientName: `"Quoted" & <b>bold</b>` },
      frame,
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(visibleText(html)).toContain(hostile);
    expect(text).toContain(hostile);
    expect(subject).toContain(hostile);
  });

  it('is escaped in every kind, wherever it is printed', async () => {
    const digest = samples.DIGEST;
    const hostileDigest: EmailData['DIGEST'] = {
      ...digest,
      groups: [
        { clientName: hostile, items: [{ kind: 'ACTION_ASSIGNED', line: hostile, url: 'https://x/a' }] },
      ],
    };
    const renders = await Promise.all([
      renderEmail('DETRACTOR_FEEDBACK', { ...samples.DETRACTOR_FEEDBACK, comment: hostile }, frame),
      renderEmail('SERVICE_LEVEL_ALERT', { ...samples.SERVICE_LEVEL_ALERT, standardName: hostile }, frame),
      renderEmail('INVITATION', { ...samples.INVITATION, inviterName: hostile }, frame),
      renderEmail('DIGEST', hostileDigest, { ...frame, consultancyName: hostile }),
    ]);
    for (const { html } of renders) {
      expect(html).not.toContain('<script');
      expect(html).toContain('&lt;script&gt;');
    }
  });

  it('in a title cannot break the subject into two header lines', async () => {
    const { subject } = await renderEmail(
      'ACTION_REMINDER',
      { ...samples.ACTION_REMINDER, actionTitle: 'Line one\r\nBcc: someone@example.com' },
      frame,
    );
    expect(subject).toBe('Overdue 7 days: Line one Bcc: someone@example.com (Northwind Utilities)');
  });
});

describe('the detractor email', () => {
  it('quotes the start of a long comment, cut at a word, with an ellipsis', async () => {
    const { html, text } = await renderEmail('DETRACTOR_FEEDBACK', samples.DETRACTOR_FEEDBACK, frame);
    for (const part of [visibleText(html), text]) {
      expect(part).toContain('I rang four times about the same fault');
      expect(part).not.toContain('END-OF-COMMENT-MARKER');
    }
    const quoted = /“(I rang[^”]*)”/.exec(text)?.[1] ?? '';
    expect(quoted.endsWith('…')).toBe(true);
    expect(Array.from(quoted).length).toBeLessThanOrEqual(COMMENT_QUOTE_LENGTH + 1);
    expect(Array.from(quoted).length).toBeGreaterThan(COMMENT_QUOTE_LENGTH * 0.8);
    expect(longComment.startsWith(quoted.slice(0, -1))).toBe(true);
  });

  it('quotes a short comment whole, and says so when there is none', async () => {
    const short = await renderEmail(
      'DETRACTOR_FEEDBACK',
      { ...samples.DETRACTOR_FEEDBACK, comment: 'Kept on hold for 40 minutes.' },
      frame,
    );
    expect(short.text).toContain('“Kept on hold for 40 minutes.”');
    expect(short.text).not.toContain('…');
    const none = await renderEmail(
      'DETRACTOR_FEEDBACK',
      { ...samples.DETRACTOR_FEEDBACK, comment: null, touchPointName: null },
      frame,
    );
    expect(none.text).toContain('They left no comment.');
    expect(none.subject).toBe('Low score 3/10 (Northwind Utilities)');
    expect(none.text).not.toContain('Touch point');
  });
});

describe('the digest', () => {
  it('lists the groups in the order given, each with its own items', async () => {
    const { html, text } = await renderEmail('DIGEST', samples.DIGEST, frame);
    const order = samples.DIGEST.groups.flatMap((group) => [
      group.clientName,
      ...group.items.map((i) => i.line),
    ]);
    for (const part of [visibleText(html), text]) {
      const at = order.map((words) => part.indexOf(words));
      expect(at.every((index) => index >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
    expect(text).toContain(`Reminder: ${samples.DIGEST.groups[0]?.items[0]?.line}`);
  });

  it('for a client leader with one group names that client only: it prints only what it is given', async () => {
    const leader: EmailData['DIGEST'] = {
      recipientName: 'Lee Chen',
      cadence: 'DAILY',
      periodLabel: '3 December 2026',
      groups: [samples.DIGEST.groups[0]!],
    };
    const { subject, html, text } = await renderEmail('DIGEST', leader, {
      ...frame,
      recipientName: 'Lee Chen',
    });
    expect(subject).toBe('Your daily summary for 3 December 2026: 2 updates (Northwind Utilities)');
    for (const part of [subject, visibleText(html), text, html]) {
      expect(part).toContain('Northwind Utilities');
      expect(part).not.toContain('Contoso');
      expect(part).not.toContain('Fabrikam');
      expect(part).not.toContain('Ava Jones');
    }
    expect(new Set(hrefsOf(html))).toEqual(
      new Set([...leader.groups[0]!.items.map((i) => i.url), frame.preferencesUrl, frame.unsubscribeUrl]),
    );
  });

  it('says so when there is nothing new', async () => {
    const { subject, text } = await renderEmail('DIGEST', { ...samples.DIGEST, groups: [] }, frame);
    expect(subject).toBe('Your weekly summary for 23–29 November 2026: no updates');
    expect(text).toContain('Nothing new in this period.');
  });
});

describe('wording', () => {
  it.each([
    ['IN_3_DAYS', 'Due in 3 days: ', 'due in 3 days, on Thursday 26 November 2026'],
    ['TODAY', 'Due today: ', 'due today, Thursday 26 November 2026'],
    ['OVERDUE_7_DAYS', 'Overdue 7 days: ', 'was due a week ago, on Thursday 26 November 2026'],
  ] as const)('a reminder %s says when the action is due', async (when, prefix, sentence) => {
    const { subject, text } = await renderEmail(
      'ACTION_REMINDER',
      { ...samples.ACTION_REMINDER, when },
      frame,
    );
    expect(subject.startsWith(prefix)).toBe(true);
    expect(text).toContain(sentence);
  });

  it('an alert says whether the target was missed or is at risk', async () => {
    const missed = await renderEmail('SERVICE_LEVEL_ALERT', samples.SERVICE_LEVEL_ALERT, frame);
    expect(missed.subject).toBe(
      'Target missed: Answer calls within 30 seconds (Northwind Utilities, November 2026)',
    );
    expect(missed.text).toContain('Measured: 78.0 % within 30 s');
    expect(missed.text).toContain('Target: 90 %');
    const atRisk = await renderEmail(
      'SERVICE_LEVEL_ALERT',
      { ...samples.SERVICE_LEVEL_ALERT, status: 'AT_RISK' },
      frame,
    );
    expect(atRisk.subject.startsWith('At risk: ')).toBe(true);
  });

  it('an assignment without a due date says so', async () => {
    const { text } = await renderEmail(
      'ACTION_ASSIGNED',
      { ...samples.ACTION_ASSIGNED, dueDate: null },
      frame,
    );
    expect(text).toContain('Due: no due date set');
  });

  it('greets by name, or without one when the name is not known', async () => {
    expect((await renderEmail('ACTION_ASSIGNED', samples.ACTION_ASSIGNED, frame)).text).toContain(
      'Hello Ava Jones,',
    );
    const anonymous = { ...frame, recipientName: null };
    expect((await renderEmail('ACTION_ASSIGNED', samples.ACTION_ASSIGNED, anonymous)).text).toMatch(
      /^Hello,$/m,
    );
  });

  it('prints times in UTC and says so', async () => {
    const { text } = await renderEmail('MONTHLY_REPORT', samples.MONTHLY_REPORT, frame);
    expect(text).toContain('Link works until: Thursday 17 December 2026 at 00:00 UTC');
  });
});

describe('the invitation', () => {
  it('keeps the secret in the fragment, where members/invitation-mail.ts puts it', async () => {
    const acceptUrl = 'https://sp.example/accept-invitation#token=inv-abc123';
    const { html, text } = await renderEmail(
      'INVITATION',
      { ...samples.INVITATION, acceptUrl },
      {
        ...frame,
        recipientName: null,
      },
    );
    expect(invitationTokenIn(text)).toBe('inv-abc123');
    expect(hrefsOf(html)).toContain(acceptUrl);
    expect(text).toContain('Your role: Client leader, for Northwind Utilities');
    expect(text).toContain('Accept before: Thursday 10 December 2026 at 14:30 UTC');
  });

  it('for a consultancy member names no client', async () => {
    const { text } = await renderEmail(
      'INVITATION',
      { ...samples.INVITATION, roleLabel: 'Consultant', clientName: null },
      frame,
    );
    expect(text).toContain('Your role: Consultant');
    expect(text).not.toContain('Northwind');
  });
});

describe('EMAIL_KINDS', () => {
  it('describes every kind once, in words for the preferences page', () => {
    expect(EMAIL_KINDS.map((k) => k.kind).sort()).toEqual([...kinds].sort());
    for (const { label, description } of EMAIL_KINDS) {
      expect(label).toMatch(/^[A-Z][^_]{3,40}$/);
      expect(description.length).toBeGreaterThan(20);
    }
    expect(new Set(EMAIL_KINDS.map((k) => k.label)).size).toBe(EMAIL_KINDS.length);
  });
});
