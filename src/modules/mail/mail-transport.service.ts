import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Transporter } from 'nodemailer';
import type { AppConfig, MailConfig } from '../../config/app-config';
import type { MailTransportKind } from './entities/mail-message.entity';

export interface OutgoingMail {
  /** The mail_message id: it names the .eml file and makes the Message-ID, so a message sent again is recognisable. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

export interface SentMail {
  transport: MailTransportKind;
  messageId: string;
  fileName: string | null;
}

/** The domain of this deployment's Message-IDs: the From address's. */
const messageDomain = (from: string): string => /@([^>\s]+)/.exec(from)?.[1] ?? 'thidua.localhost';

/**
 * Sends through nodemailer: over SMTP when SMTP_URL is set, else into the local mail folder as one .eml file per
 * message (the same bytes SMTP would carry), written under a temporary name and renamed so a reader never sees half.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly config: MailConfig;
  private transporter?: Promise<Transporter>;

  constructor(config: ConfigService<AppConfig, true>) {
    this.config = config.get('mail', { infer: true });
  }

  get kind(): MailTransportKind {
    return this.config.smtpUrl ? 'smtp' : 'folder';
  }

  get folder(): string {
    return this.config.folder;
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const messageId = `<${mail.id}@${messageDomain(this.config.from)}>`;
    const transporter = await (this.transporter ??= this.createTransporter());
    const info = (await transporter.sendMail({ from: this.config.from, to: mail.to, subject: mail.subject, text: mail.text, messageId })) as { message?: Buffer };
    if (this.kind === 'smtp') return { transport: 'smtp', messageId, fileName: null };
    const fileName = `${mail.id}.eml`;
    await mkdir(this.config.folder, { recursive: true });
    const partial = join(this.config.folder, `.${fileName}.partial`);
    await writeFile(partial, info.message ?? Buffer.alloc(0));
    await rename(partial, join(this.config.folder, fileName));
    return { transport: 'folder', messageId, fileName };
  }

  async onModuleDestroy(): Promise<void> {
    (await this.transporter)?.close();
  }

  /** nodemailer is loaded with the first message rather than when the app starts: most processes never send one. */
  private async createTransporter(): Promise<Transporter> {
    const { createTransport } = await import('nodemailer');
    return this.config.smtpUrl
      ? createTransport({ url: this.config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }
}
