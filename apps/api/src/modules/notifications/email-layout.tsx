import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import { Fragment, type ReactNode } from 'react';

/** What every email carries besides its own data: who it goes to and the links that let them say no. */
export interface EmailFrame {
  recipientName: string | null;
  consultancyName: string;
  /** Null for someone who is not a member (an invitee): they have no settings, and nothing to unsubscribe from. */
  unsubscribeUrl: string | null;
  preferencesUrl: string | null;
}

/** One template's result before rendering: the subject line and the whole document. */
export interface EmailContent {
  subject: string;
  element: ReactNode;
}

// Inline styles only: many mail clients drop <style> blocks. Sizes and contrast chosen to be read without zooming.
const font = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const styles = {
  body: { backgroundColor: '#f3f4f6', margin: 0, padding: '24px 0', fontFamily: font, color: '#1f2937' },
  container: { backgroundColor: '#ffffff', maxWidth: '600px', padding: '32px', borderRadius: '6px' },
  brand: { fontSize: '15px', fontWeight: 700, color: '#374151', margin: '0 0 24px' },
  heading: { fontSize: '22px', lineHeight: '30px', fontWeight: 700, margin: '0 0 16px', color: '#111827' },
  text: { fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' },
  button: {
    backgroundColor: '#1d4ed8',
    color: '#ffffff',
    fontSize: '16px',
    fontWeight: 600,
    borderRadius: '6px',
    padding: '12px 20px',
  },
  small: { fontSize: '13px', lineHeight: '20px', color: '#4b5563', margin: '0 0 8px' },
  link: { color: '#1d4ed8', textDecoration: 'underline', wordBreak: 'break-all' as const },
  quote: {
    borderLeft: '4px solid #d1d5db',
    margin: '0 0 16px',
    padding: '4px 0 4px 16px',
    fontSize: '16px',
    lineHeight: '24px',
    fontStyle: 'italic',
  },
  groupHeading: { fontSize: '18px', lineHeight: '26px', fontWeight: 700, margin: '24px 0 8px' },
};

export function EmailLayout(props: {
  frame: EmailFrame;
  subject: string;
  /** The line an inbox shows next to the subject. */
  preview: string;
  /** Who to greet; null greets no one by name (an invitation's recipient has no name with us yet). */
  greetingName: string | null;
  /** Ends "You get this email because …". */
  reason: string;
  children: ReactNode;
}) {
  const { frame } = props;
  return (
    <Html lang="en-GB" dir="ltr">
      <Head>
        <title>{props.subject}</title>
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{frame.consultancyName}</Text>
          <Text style={styles.text}>{props.greetingName ? `Hello ${props.greetingName},` : 'Hello,'}</Text>
          {props.children}
          <Hr style={{ borderColor: '#e5e7eb', margin: '32px 0 16px' }} />
          <Section>
            <Text style={styles.small}>{`You get this email because ${props.reason}`}</Text>
            {frame.preferencesUrl && frame.unsubscribeUrl ? (
              <Text style={styles.small}>
                {'Change what you get: '}
                <Link href={frame.preferencesUrl} style={styles.link}>
                  your email settings
                </Link>
                {' · Unsubscribe from these emails: '}
                <Link href={frame.unsubscribeUrl} style={styles.link}>
                  unsubscribe
                </Link>
              </Text>
            ) : null}
            <Text style={styles.small}>{`Sent by Service Programme for ${frame.consultancyName}.`}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function Title({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={styles.heading}>
      {children}
    </Heading>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

/** Label and value lines ("Client: Northwind Utilities"): one column, so they read the same on a phone and in text. */
export function Facts({ rows }: { rows: readonly (readonly [label: string, value: string] | null)[] }) {
  const shown = rows.filter((row) => row !== null);
  return (
    <Text style={styles.text}>
      {shown.map(([label, value], i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          <strong>{`${label}:`}</strong> {value}
        </Fragment>
      ))}
    </Text>
  );
}

export function Quote({ children }: { children: ReactNode }) {
  return <blockquote style={styles.quote}>{children}</blockquote>;
}

export function GroupHeading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" style={styles.groupHeading}>
      {children}
    </Heading>
  );
}

export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} style={styles.link}>
      {children}
    </Link>
  );
}

/**
 * The email's one button, and its address written out for when the button does not work (images or styles off,
 * a client that mangles it). The plain-text part prints the button as "label address", so the written-out line is
 * left out there rather than printing the address twice.
 */
export function CallToAction({ href, label }: { href: string; label: string }) {
  return (
    <Section style={{ margin: '8px 0 24px' }}>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
      <Text style={{ ...styles.small, margin: '16px 0 0' }} data-skip-in-text="true">
        {'If the button does not work, copy this address into your browser: '}
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}
