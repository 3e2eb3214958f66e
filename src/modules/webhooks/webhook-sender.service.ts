import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { rootCertificates } from 'node:tls';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../config/app-config';

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** An answer came (any status), or none did (`error`: refused, TLS, timeout…). */
export type WebhookResponse = { statusCode: number } | { error: string };

/**
 * POSTs one delivery over HTTPS. The certificate authorities are Node's plus WEBHOOK_CA_FILE's, for this request only:
 * TLS checks stay on everywhere. Redirects are not followed (an answer is an answer), and the body read is capped.
 */
@Injectable()
export class WebhookSender {
  private readonly ca: string[];
  private readonly timeoutMs: number;

  constructor(config: ConfigService<AppConfig, true>) {
    const webhooks = config.get('webhooks', { infer: true });
    this.ca = webhooks.caFile ? [...rootCertificates, readFileSync(webhooks.caFile, 'utf8')] : [...rootCertificates];
    this.timeoutMs = webhooks.timeoutMs;
  }

  send({ url, body, headers }: WebhookRequest): Promise<WebhookResponse> {
    return new Promise((resolve) => {
      const outgoing = request(
        url,
        {
          method: 'POST',
          ca: this.ca,
          timeout: this.timeoutMs,
          headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'User-Agent': 'thidua-webhooks/1', ...headers },
        },
        (response) => {
          let read = 0;
          response.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > 64 * 1024) response.destroy();
          });
          response.on('close', () => resolve({ statusCode: response.statusCode ?? 0 }));
          response.on('error', () => undefined);
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      outgoing.on('error', (error) => resolve({ error: error.message.slice(0, 500) }));
      outgoing.end(body);
    });
  }
}
