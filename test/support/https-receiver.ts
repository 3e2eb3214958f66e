import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ReceivedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpsReceiver {
  /** https://127.0.0.1:<port> */
  url: string;
  /** The receiver's self-signed certificate (PEM file): the app trusts it through WEBHOOK_CA_FILE. */
  caFile: string;
  received: ReceivedRequest[];
  /** What to answer (a promise holds the answer back until it settles): by default 200. */
  answer: (request: ReceivedRequest) => number | Promise<number>;
  close(): Promise<void>;
}

/** A real HTTPS server on the loopback with a certificate made by openssl for 127.0.0.1, recording every request. */
export async function startHttpsReceiver(): Promise<HttpsReceiver> {
  const folder = mkdtempSync(join(tmpdir(), 'thidua-webhook-receiver-'));
  const keyFile = join(folder, 'key.pem');
  const caFile = join(folder, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', caFile, '-days', '1', '-subj', '/CN=thidua test receiver', '-addext', 'subjectAltName=IP:127.0.0.1'], {
    stdio: 'ignore',
  });
  const receiver: Omit<HttpsReceiver, 'url' | 'close'> = { caFile, received: [], answer: () => 200 };
  const server: Server = createServer({ key: readFileSync(keyFile), cert: readFileSync(caFile) }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received = { path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      receiver.received.push(received);
      void Promise.resolve(receiver.answer(received)).then((status) => response.writeHead(status, { 'Content-Type': 'text/plain' }).end('ok'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `https://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(folder, { recursive: true, force: true });
    },
  });
}
