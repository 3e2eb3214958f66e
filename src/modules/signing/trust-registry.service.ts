import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { Person } from '../org/entities/person.entity';
import { PersonCertificate } from './entities/person-certificate.entity';
import { TrustAnchor } from './entities/trust-anchor.entity';
import { CertificateInputError, certificatePem, ParsedCertificate, parseCertificates, parseSingleCertificate, summarizeCertificate } from './x509/certificates';

/** Reads an upload as certificates, or refuses it with the reader's own words. */
function certificatesOf<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CertificateInputError) throw new AppError('CERTIFICATE_INVALID', { reason: error.messages }, { en: error.messages.en });
    throw error;
  }
}

/**
 * What administrators configure for X.509 signatures: the CA certificates trusted as anchors (roots and
 * intermediates, e.g. the national root and a provider's CA) and each person's registered signing certificates.
 */
@Injectable()
export class TrustRegistryService {
  constructor(private readonly em: EntityManager) {}

  listAnchors(): Promise<TrustAnchor[]> {
    return this.em.fork().find(TrustAnchor, {}, { orderBy: { createdAt: 'asc' } });
  }

  /** Adds every certificate of a PEM bundle (or one DER file); ones already trusted are kept as they are. */
  async addAnchors(upload: Buffer): Promise<TrustAnchor[]> {
    const certificates = certificatesOf(() => parseCertificates(upload));
    const em = this.em.fork();
    const known = new Set((await em.find(TrustAnchor, { fingerprint: { $in: certificates.map((c) => c.fingerprintSha256) } })).map((a) => a.fingerprint));
    const added = certificates.filter((c) => !known.has(c.fingerprintSha256)).map((certificate: ParsedCertificate) => {
      const summary = summarizeCertificate(certificate);
      return em.create(TrustAnchor, { fingerprint: summary.fingerprintSha256, subject: summary.subject, notAfter: new Date(summary.notAfter), pem: certificatePem(certificate) });
    });
    await em.flush();
    return added;
  }

  listCertificates(personId: string): Promise<PersonCertificate[]> {
    return this.em.fork().find(PersonCertificate, { person: personId }, { orderBy: { createdAt: 'asc' } });
  }

  async registerCertificate(personId: string, upload: Buffer): Promise<PersonCertificate> {
    const certificate = certificatesOf(() => parseSingleCertificate(upload));
    const summary = summarizeCertificate(certificate);
    const em = this.em.fork();
    const person = await em.findOne(Person, personId);
    if (!person) throw new AppError('PERSON_NOT_FOUND', { id: personId });
    const existing = await em.findOne(PersonCertificate, { person, fingerprint: summary.fingerprintSha256 });
    if (existing) return existing;
    const registered = em.create(PersonCertificate, {
      person,
      fingerprint: summary.fingerprintSha256,
      subject: summary.subject,
      issuer: summary.issuer,
      notBefore: new Date(summary.notBefore),
      notAfter: new Date(summary.notAfter),
      pem: certificatePem(certificate),
    });
    await em.flush();
    return registered;
  }
}
