import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { PdfSignaturePage, VersionSignatureSource } from '../documents/document-pdf';
import { Mandate } from '../org/entities/mandate.entity';
import { Signature } from './entities/signature.entity';
import { SigningEnvelope } from './entities/signing-envelope.entity';

/**
 * The signatures on a document version, for its PDF's signature page. The documents module cannot read signing (which
 * depends on documents): this module lends this source to DocumentsService when it starts (signing.module.ts).
 */
@Injectable()
export class VersionSignaturesService implements VersionSignatureSource {
  constructor(private readonly em: EntityManager) {}

  /**
   * The envelope that put the version in force, else its latest envelope with signatures; null when none has any.
   * Rows in the order the units signed (unit code between equal times), so the page is the same for the same signing.
   */
  async signaturePage(documentVersionId: string): Promise<PdfSignaturePage | null> {
    const em = this.em.fork();
    const envelopes = await em.find(SigningEnvelope, { documentVersion: documentVersionId }, { orderBy: { createdAt: 'desc', id: 'asc' } });
    const ordered = [...envelopes.filter((envelope) => envelope.status === 'in-force'), ...envelopes.filter((envelope) => envelope.status !== 'in-force')];
    for (const envelope of ordered) {
      const signatures = await em.find(Signature, { envelope: envelope.id }, { populate: ['unit', 'signer'] });
      if (!signatures.length) continue;
      signatures.sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime() || (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0));
      const mandates = new Map((await em.find(Mandate, { id: { $in: signatures.map((signature) => signature.mandateId) } })).map((mandate) => [mandate.id, mandate.role]));
      return {
        status: envelope.status,
        inForceAt: envelope.inForceAt,
        signatures: signatures.map((signature) => {
          const subject = (signature.evidence.signer as { subject?: unknown } | undefined)?.subject;
          return {
            unit: { code: signature.unit.code, name: signature.unit.name },
            signer: { fullName: signature.signer.fullName, position: signature.signer.position, mandateRole: mandates.get(signature.mandateId) ?? null },
            method: signature.method,
            awaitingConfirmation: signature.status !== 'valid',
            signedAt: signature.signedAt,
            statementHash: signature.statementHash,
            ...(typeof subject === 'string' && signature.method === 'x509' ? { certificateSubject: subject } : {}),
          };
        }),
      };
    }
    return null;
  }
}
