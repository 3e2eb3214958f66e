import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import { CommendationRecord } from '../entities/commendation-record.entity';
import { StaffYear } from '../entities/staff-year.entity';
import { certificatePdf, registerNumber } from './certificate-pdf';

/** A certificate ready to download. */
export interface CertificateFile {
  body: Buffer;
  /** ASCII, e.g. `chung-nhan-2020-0F3A9C2E.pdf`. */
  filename: string;
}

/** Certificates of the register's awards (Bằng khen, Giấy khen, a title's certificate), rendered when asked. */
@Injectable()
export class CertificatesService {
  constructor(private readonly em: EntityManager) {}

  /**
   * The certificate of one award. A person's certificate names the unit they were on the staff of that year.
   * @throws AppError COMMENDATION_NOT_FOUND, CERTIFICATE_REVOKED (a revoked award has none).
   */
  async certificate(id: string): Promise<CertificateFile> {
    const em = this.em.fork();
    const record = await em.findOne(CommendationRecord, id, { populate: ['unit', 'person', 'decision'] });
    if (!record) throw new AppError('COMMENDATION_NOT_FOUND', { id });
    if (record.revokedAt) throw new AppError('CERTIFICATE_REVOKED', { decision: record.revocationDecision ?? '—' });
    const staffYear = record.person ? await em.findOne(StaffYear, { person: record.person.id, year: record.year }, { populate: ['unit'] }) : null;
    const body = await certificatePdf({
      kind: record.kind,
      title: record.titleLabel.vi,
      recipient: record.unit
        ? { kind: 'unit', name: record.unit.name }
        : { kind: 'person', name: record.person!.fullName, unit: staffYear?.unit.name ?? null },
      year: record.year,
      campaign: record.decision.campaignName,
      decision: { number: record.decision.number, signedOn: record.decision.signedOn, issuer: record.decision.issuer },
      registerId: record.id,
    });
    return { body, filename: `chung-nhan-${record.year}-${registerNumber(record.id)}.pdf` };
  }
}
