import type { DigestItemKind, EmailData } from './email-kinds.js';
import { count } from './email-format.js';
import {
  EmailLayout,
  GroupHeading,
  Paragraph,
  TextLink,
  Title,
  type EmailContent,
  type EmailFrame,
} from './email-layout.js';

/** A word before each line, so a reader scanning the list sees what kind of news it is. */
const ITEM_LABEL: Record<DigestItemKind, string> = {
  ACTION_ASSIGNED: 'New action',
  ACTION_REMINDER: 'Reminder',
  SERVICE_LEVEL_ALERT: 'Service level',
  DETRACTOR_FEEDBACK: 'Feedback',
  RISING_COMPLAINTS: 'Complaints',
  MONTHLY_REPORT: 'Report',
};

export function digestEmail(data: EmailData['DIGEST'], frame: EmailFrame): EmailContent {
  const daily = data.cadence === 'DAILY';
  const items = data.groups.reduce((sum, group) => sum + group.items.length, 0);
  const updates = count(items, 'update', 'updates');
  const only = data.groups.length === 1 ? data.groups[0] : undefined;
  const about = only
    ? ` (${only.clientName})`
    : data.groups.length > 1
      ? `, ${data.groups.length} clients`
      : '';
  const subject = `Your ${daily ? 'daily' : 'weekly'} summary for ${data.periodLabel}: ${updates}${about}`;
  return {
    subject,
    element: (
      <EmailLayout
        frame={frame}
        subject={subject}
        preview={items === 0 ? 'Nothing new in this period.' : `${updates} for ${data.periodLabel}.`}
        greetingName={frame.recipientName ?? data.recipientName}
        reason={`you chose a ${daily ? 'daily' : 'weekly'} summary instead of a separate email for each update.`}
      >
        <Title>{`Your ${daily ? 'daily' : 'weekly'} summary: ${data.periodLabel}`}</Title>
        {items === 0 ? <Paragraph>Nothing new in this period.</Paragraph> : null}
        {data.groups.map((group, g) =>
          group.items.length === 0 ? null : (
            <div key={g}>
              <GroupHeading>{group.clientName}</GroupHeading>
              <ul style={{ margin: '0 0 16px', paddingLeft: '20px' }}>
                {group.items.map((item, i) => (
                  <li key={i} style={{ fontSize: '16px', lineHeight: '24px', margin: '0 0 8px' }}>
                    <strong>{`${ITEM_LABEL[item.kind]}:`}</strong>{' '}
                    <TextLink href={item.url}>{item.line}</TextLink>
                  </li>
                ))}
              </ul>
            </div>
          ),
        )}
      </EmailLayout>
    ),
  };
}
