import type { EmailData, ReminderWhen } from './email-kinds.js';
import { emailKindLabel } from './email-kinds.js';
import { formatDay, subjectPart } from './email-format.js';
import {
  CallToAction,
  EmailLayout,
  Facts,
  Paragraph,
  Title,
  type EmailContent,
  type EmailFrame,
} from './email-layout.js';

export function actionAssignedEmail(data: EmailData['ACTION_ASSIGNED'], frame: EmailFrame): EmailContent {
  const subject = `New action: ${subjectPart(data.actionTitle)} (${data.clientName})`;
  return {
    subject,
    element: (
      <EmailLayout
        frame={frame}
        subject={subject}
        preview={`${data.assignedByName} assigned an action in ${data.clientName}’s programme.`}
        greetingName={frame.recipientName}
        reason={`your settings include “${emailKindLabel('ACTION_ASSIGNED')}”.`}
      >
        <Title>{data.actionTitle}</Title>
        <Paragraph>
          {`${data.assignedByName} assigned this action to ${data.assigneeName}, in ${data.clientName}’s programme.`}
        </Paragraph>
        <Facts
          rows={[
            ['Client', data.clientName],
            ['Assigned to', data.assigneeName],
            ['Due', data.dueDate ? formatDay(data.dueDate) : 'no due date set'],
          ]}
        />
        <CallToAction href={data.actionUrl} label="Open the action" />
      </EmailLayout>
    ),
  };
}

const REMINDER: Record<ReminderWhen, { prefix: string; sentence: (day: string) => string }> = {
  IN_3_DAYS: { prefix: 'Due in 3 days', sentence: (day) => `This action is due in 3 days, on ${day}.` },
  TODAY: { prefix: 'Due today', sentence: (day) => `This action is due today, ${day}.` },
  OVERDUE_7_DAYS: {
    prefix: 'Overdue 7 days',
    sentence: (day) => `This action was due a week ago, on ${day}, and is not marked done yet.`,
  },
};

export function actionReminderEmail(data: EmailData['ACTION_REMINDER'], frame: EmailFrame): EmailContent {
  const reminder = REMINDER[data.when];
  const subject = `${reminder.prefix}: ${subjectPart(data.actionTitle)} (${data.clientName})`;
  const day = formatDay(data.dueDate);
  return {
    subject,
    element: (
      <EmailLayout
        frame={frame}
        subject={subject}
        preview={reminder.sentence(day)}
        greetingName={frame.recipientName}
        reason={`your settings include “${emailKindLabel('ACTION_REMINDER')}”.`}
      >
        <Title>{`${reminder.prefix}: ${data.actionTitle}`}</Title>
        <Paragraph>{reminder.sentence(day)}</Paragraph>
        <Facts
          rows={[
            ['Client', data.clientName],
            ['Assigned to', data.assigneeName],
            ['Due', day],
          ]}
        />
        <Paragraph>
          {data.when === 'OVERDUE_7_DAYS'
            ? 'If it is done, mark it so; if the date no longer holds, agree a new one and change it in the action.'
            : 'When it is done, mark it so in the action, so everyone following the programme sees it.'}
        </Paragraph>
        <CallToAction href={data.actionUrl} label="Open the action" />
      </EmailLayout>
    ),
  };
}
