import type { EmailData } from './email-kinds.js';
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

/**
 * The invitation, as members/invitation-mail.ts writes it in plain text today, ready to replace it. The accept link
 * is printed exactly as given: its secret sits in the fragment, which never reaches a server log or a Referer.
 */
export function invitationEmail(data: EmailData['INVITATION'], frame: EmailFrame): EmailContent {
  const subject = `${data.inviterName} invited you to join ${data.consultancyName} on Service Programme`;
  const role = data.clientName ? `${data.roleLabel}, for ${data.clientName}` : data.roleLabel;
  return {
    subject,
    element: (
      <EmailLayout
        frame={frame}
        subject={subject}
        preview={`Accept before ${formatInstant(data.expiresAt)}.`}
        greetingName={null}
        reason={`${data.inviterName} of ${data.consultancyName} invited this address to join them on Service Programme.`}
      >
        <Title>{`Join ${data.consultancyName} on Service Programme`}</Title>
        <Paragraph>
          {`${data.inviterName} has invited you to join ${data.consultancyName} on Service Programme, where they run their customer-service programmes.`}
        </Paragraph>
        <Facts
          rows={[
            ['Your role', role],
            ['Accept before', formatInstant(data.expiresAt)],
          ]}
        />
        <Paragraph>Open the link, then choose your name and a password.</Paragraph>
        <CallToAction href={data.acceptUrl} label="Accept the invitation" />
        <Paragraph>
          If you did not expect this invitation, you can ignore this email: nothing happens without the link.
        </Paragraph>
      </EmailLayout>
    ),
  };
}
