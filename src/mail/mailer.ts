import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  enabled: boolean;
  send(message: MailMessage): Promise<void>;
  sendInvitation(to: string, name: string, organisationName: string, link: string): Promise<void>;
}

/** Real SMTP (SMTP_URL). Without it, messages are logged and not sent, and pages say so. */
export function createMailer(smtpUrl: string | undefined, from: string, log: Pick<Logger, 'info' | 'warn'>): Mailer {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  const send = async (message: MailMessage) => {
    if (!transport) {
      log.info({ to: message.to, subject: message.subject }, 'email not sent: SMTP_URL is not set');
      return;
    }
    await transport.sendMail({ from, ...message });
  };
  return {
    enabled: transport !== null,
    send,
    sendInvitation: (to, name, organisationName, link) =>
      send({
        to,
        subject: `You have been invited to ${organisationName}'s improvement plans on Waymark`,
        text: `Dear ${name},\n\nYou have been invited to use Waymark for ${organisationName}.\n\nCreate your account with this link (it works once and expires in 7 days):\n${link}\n`,
      }),
  };
}
