import type { EmailData } from './email-kinds.js';
import { emailKindLabel } from './email-kinds.js';
import { count, formatInstant, shorten, subjectPart } from './email-format.js';
import {
  CallToAction,
  EmailLayout,
  Facts,
  Paragraph,
  Quote,
  Title,
  type EmailContent,
  type EmailFrame,
} from './email-layout.js';

/** Long enough for the gist of what the customer said; the rest is one click away, behind sign-in. */
export const COMMENT_QUOTE_LENGTH = 300;

export function serviceLevelAlertEmail(
  data: EmailData['SERVICE_LEVEL_ALERT'],
  frame: EmailFrame,
): EmailContent {
  const breached = data.status === 'BREACHED';
  const subject = `${breached ? 'Target missed' : 'At risk'}: ${subjectPart(data.standardName)} (${data.clientName}, ${data.periodLabel})`;
  const sentence = breached
    ? `${data.clientName} missed the target for this service standard in ${data.periodLabel}.`
    : `${data.clientName} is close to missing the target for this service standard in ${data.periodLabel}.`;
  return {
    subject,
    element: (
      <EmailLayout
        frame={frame}
        subject={subject}
        preview={`${data.measuredLabel} against a target of ${data.targetLabel}.`}
        greetingName={frame.recipientName}
        reason={`your settings include “${emailKindLabel('SERVICE_LEVEL_ALERT')}”.`}
      >
        <Title>{data.standardName}</Title>
        <Paragraph>{sentence}</Paragraph>
        <Facts
          rows={[
            ['Client', data.clientName],
            ['Period', data.periodLabel],
            ['Measured', data.measuredLabel],
            ['Target', data.targetLabel],
          ]}
        />
        <Paragraph>
          {breached
            ? 'The service level page shows the measurements behind this figure and the promise it belongs to.'
            : 'The period is not over yet: the service level page shows where the shortfall comes from while there is still time.'}
        </Paragraph>
        <CallToAction href={data.serviceLevelUrl} label="See the service level" />
      </EmailLayout>
    ),
  };
}

export function detractorFeedbackEmail(
  data: EmailData['DETRACTOR_FEEDBACK'],
  frame: EmailFrame,
): EmailContent {
  const where = data.touchPointName ? ` at ${subjectPart(data.touchPointName, 60)}` : '';
  const subject = `Low score ${data.score}/${data.scoreOutOf}${where} (${data.clientName})`;
  const comment = data.comment === null ? '' : shorten(data.comment, COMMENT_QUOTE_LENGTH);
  return {
    subject,
    element: (
      <EmailLayout
        frame={frame}
        subject={subject}
        preview={
          comment ||
          `A customer of ${data.clientName} gave a score of ${data.score} out of ${data.scoreOutOf}.`
        }
        greetingName={frame.recipientName}
        reason={`your settings include “${emailKindLabel('DETRACTOR_FEEDBACK')}”.`}
      >
        <Title>{`A customer gave ${data.clientName} ${data.score} out of ${data.scoreOutOf}`}</Title>
        <Facts
          rows={[
            ['Client', data.clientName],
            ['Score', `${data.score} out of ${data.scoreOutOf}`],
            data.touchPointName ? ['Touch point', data.touchPointName] : null,
            ['Received', formatInstant(data.receivedAt)],
          ]}
        />
        {comment ? (
          <>
            <Paragraph>In their words:</Paragraph>
            <Quote>{`“${comment}”`}</Quote>
          </>
        ) : (
          <Paragraph>They left no comment.</Paragraph>
        )}
        <Paragraph>The answer is anonymous. From the feedback page you can turn it into an action.</Paragraph>
        <CallToAction href={data.feedbackUrl} label="See the feedback" />
      </EmailLayout>
    ),
  };
}

export function risingComplaintsEmail(data: EmailData['RISING_COMPLAINTS'], frame: EmailFrame): EmailContent {
  const subject = `Complaints rising: ${subjectPart(data.categoryLabel, 60)} up from ${data.previousPeriodCount} to ${data.thisPeriodCount} (${data.clientName})`;
  const sentence = `${data.clientName} received ${count(data.thisPeriodCount, 'complaint', 'complaints')} about ${data.categoryLabel} in ${data.periodLabel}, up from ${data.previousPeriodCount === 0 ? 'none' : data.previousPeriodCount} in the period before.`;
  return {
    subject,
    element: (
      <EmailLayout
        frame={frame}
        subject={subject}
        preview={sentence}
        greetingName={frame.recipientName}
        reason={`your settings include “${emailKindLabel('RISING_COMPLAINTS')}”.`}
      >
        <Title>{`More complaints about ${data.categoryLabel}`}</Title>
        <Paragraph>{sentence}</Paragraph>
        <Facts
          rows={[
            ['Client', data.clientName],
            ['Category', data.categoryLabel],
            [data.periodLabel, String(data.thisPeriodCount)],
            ['The period before', String(data.previousPeriodCount)],
          ]}
        />
        <Paragraph>
          A pattern says more than a single complaint: the complaints page shows where they came in and what
          they have in common.
        </Paragraph>
        <CallToAction href={data.complaintsUrl} label="See the complaints" />
      </EmailLayout>
    ),
  };
}
