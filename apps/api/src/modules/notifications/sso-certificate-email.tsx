import type { EmailData } from './email-kinds.js';
import { count, formatInstant } from './email-format.js';
import {
  CallToAction,
  EmailLayout,
  Facts,
  Paragraph,
  Title,
  type EmailContent,
  type EmailFrame,
} from './email-layout.js';

/**
 * To every admin of the consultancy, 30, 7 and 1 days before: once the provider signs with a certificate we do not
 * trust (or ours expires), nobody of the connection's domains can sign in, so there is no opting out of it.
 */
export function ssoCertificateExpiringEmail(
  data: EmailData['SSO_CERTIFICATE_EXPIRING'],
  frame: EmailFrame,
): EmailContent {
  const left = data.daysLeft < 1 ? 'less than a day' : count(data.daysLeft, 'day', 'days');
  const subject = `Single sign-on certificate of ${data.connectionName} expires in ${left}`;
  return {
    subject,
    element: (
      <EmailLayout
        frame={frame}
        subject={subject}
        preview={`Replace it before ${formatInstant(data.expiresAt)}, or sign-in through it stops.`}
        greetingName={frame.recipientName}
        reason={`you are an admin of ${frame.consultancyName}, whose sign-in depends on this certificate.`}
      >
        <Title>{`A single sign-on certificate expires in ${left}`}</Title>
        <Paragraph>
          {`The identity provider of the connection “${data.connectionName}” signs its sign-ins with a certificate that expires soon. Once it has, people of the connection’s domains cannot sign in through it.`}
        </Paragraph>
        <Facts
          rows={[
            ['Connection', data.connectionName],
            ['Certificate', data.certificateSubject],
            ['Expires', formatInstant(data.expiresAt)],
          ]}
        />
        <Paragraph>
          Make a new certificate at the identity provider, then add it to the connection next to the old one.
          Remove the old one once the provider signs with the new one.
        </Paragraph>
        <CallToAction href={data.settingsUrl} label="Open single sign-on settings" />
      </EmailLayout>
    ),
  };
}
