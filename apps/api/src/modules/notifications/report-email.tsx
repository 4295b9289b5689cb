import type { EmailData } from './email-kinds.js';
import { emailKindLabel } from './email-kinds.js';
import { formatInstant } from './email-format.js';
import {
  CallToAction,
  EmailLayout,
  Facts,
  Paragraph,
  Title,
  type EmailContent,
  type EmailFrame,
} from './email-layout.js';

export function monthlyReportEmail(data: EmailData['MONTHLY_REPORT'], frame: EmailFrame): EmailContent {
  const subject = `${data.monthLabel} programme report for ${data.clientName}`;
  const until = formatInstant(data.expiresAt);
  return {
    subject,
    element: (
      <EmailLayout
        frame={frame}
        subject={subject}
        preview={`Ready to download until ${until}.`}
        greetingName={frame.recipientName}
        reason={`your settings include “${emailKindLabel('MONTHLY_REPORT')}”.`}
      >
        <Title>{`${data.clientName}: programme report for ${data.monthLabel}`}</Title>
        <Paragraph>
          {`${data.consultancyName} has prepared the programme report for ${data.clientName} for ${data.monthLabel}.`}
        </Paragraph>
        <Facts
          rows={[
            ['Client', data.clientName],
            ['Month', data.monthLabel],
            ['Link works until', until],
          ]}
        />
        <CallToAction href={data.downloadUrl} label="Download the report" />
        <Paragraph>
          The link stops working after that date, so the report does not stay reachable from an old email. The
          programme itself is always there when you sign in.
        </Paragraph>
      </EmailLayout>
    ),
  };
}
