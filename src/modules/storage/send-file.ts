import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Response } from 'express';
import { attachmentDisposition } from './file-names';
import type { StoredFile } from './stored-file.entity';

/**
 * Sends a stored file as a download (use with `@Res()`): its detected type, length and name (RFC 5987, so Vietnamese
 * names survive, with an ASCII fallback), `nosniff` so that browsers never run it as something else, and no caching by
 * shared caches (evidence is not public). The route has already checked that the caller may see it.
 */
export async function sendFile(response: Response, file: StoredFile, stream: Readable): Promise<void> {
  const headers: Record<string, string> = {
    'Content-Type': file.mediaType,
    'Content-Length': String(file.sizeBytes),
    'Content-Disposition': attachmentDisposition(file.originalName),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  };
  response.status(200).set(headers);
  try {
    await pipeline(stream, response);
  } catch (error) {
    stream.destroy();
    if (response.headersSent) {
      // The client went away, or the disk failed mid-way: nothing more can be said on a response already started.
      response.destroy();
      return;
    }
    // Nothing sent yet: the error filter answers, without the headers of a download that did not happen.
    for (const name of Object.keys(headers)) response.removeHeader(name);
    throw error;
  }
}
