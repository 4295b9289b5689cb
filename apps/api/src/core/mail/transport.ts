/** One email, as plain text: everything we send is a short note with a link. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Where the API hands its email. The product has no mail system yet (SMTP arrives later): until then the default
 * transport keeps messages in memory (see memory-transport.ts), and tests read them from there.
 */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}
