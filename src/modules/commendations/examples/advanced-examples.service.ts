import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { Cluster } from '../../org/entities/cluster.entity';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import type { UploadedEvidence } from '../../storage/evidence-upload.interceptor';
import type { StoredFile } from '../../storage/stored-file.entity';
import { StoredFilesService } from '../../storage/stored-files.service';
import { DossierFiles } from '../dossier-files.service';
import { AdvancedExample } from '../entities/advanced-example.entity';
import { StaffYear } from '../entities/staff-year.entity';
import { EVERY_UNIT_ROLES, mandatedFor, mandatedUnits } from '../records/mandated';
import { AdvancedExampleDto, ExampleQueryDto, NominateExampleDto, ReviewExampleDto } from './advanced-examples.dto';

const POPULATE = ['unit', 'person', 'reviewedBy'] as const;

const STATUS_WORDS = { submitted: 'chờ xét duyệt', accepted: 'đã chấp nhận', declined: 'không chấp nhận' } as const;

/**
 * Advanced examples and good deeds (điển hình tiên tiến, Người tốt – việc tốt): a unit nominates one of its people or
 * itself, at any time, with an account and evidence; the head of its cluster that year reviews the nomination, and an
 * accepted one is published to everyone and stands on the record. The review is a guarded change of status: done once.
 */
@Injectable()
export class AdvancedExamplesService {
  constructor(
    private readonly em: EntityManager,
    private readonly files: StoredFilesService,
    private readonly dossiers: DossierFiles,
  ) {}

  /** @throws AppError UNIT_NOT_FOUND, PERSON_NOT_FOUND, EXAMPLE_FORBIDDEN, CANDIDATE_NOT_IN_UNIT. */
  async nominate(input: NominateExampleDto, principal: Principal): Promise<AdvancedExampleDto> {
    const em = this.em.fork();
    const unit = await em.findOne(Unit, input.unitId);
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { id: input.unitId });
    await this.assertActsFor(em, unit, principal);
    let person: Person | null = null;
    if (input.personId) {
      person = await em.findOne(Person, input.personId);
      if (!person) throw new AppError('PERSON_NOT_FOUND', { id: input.personId });
      if (!(await em.count(StaffYear, { person, unit, year: input.year }))) {
        throw new AppError('CANDIDATE_NOT_IN_UNIT', { person: person.fullName, unit: unit.name, year: input.year }, { path: 'personId' });
      }
    }
    const example = em.create(AdvancedExample, {
      kind: input.kind,
      unit,
      person,
      year: input.year,
      title: input.title.trim(),
      account: input.account.trim(),
      nominatedBy: em.getReference(Person, principal.personId),
    });
    await em.flush();
    return AdvancedExampleDto.from(example);
  }

  /** @throws AppError EXAMPLE_NOT_FOUND, EXAMPLE_FORBIDDEN, EXAMPLE_NOT_EDITABLE, ATTACHMENTS_FULL, and the upload's refusals. */
  async attach(id: string, file: UploadedEvidence, principal: Principal): Promise<AdvancedExampleDto> {
    const found = await this.find(this.em.fork(), id);
    await this.assertActsFor(this.em.fork(), found.unit, principal);
    this.assertEditable(found);
    const example = await this.dossiers.attach(
      file,
      { uploadedById: principal.personId, purpose: 'advanced-example' },
      (em) => em.nativeUpdate(AdvancedExample, { id }, { updatedAt: new Date() }),
      async (em) => this.assertEditable(await this.find(em, id)),
    );
    return AdvancedExampleDto.from(example);
  }

  /** @throws AppError EXAMPLE_NOT_FOUND, EXAMPLE_FORBIDDEN. */
  async attachment(id: string, fileId: string, principal: Principal): Promise<{ file: StoredFile; stream: Readable }> {
    const em = this.em.fork();
    const example = await this.find(em, id);
    if (!(await this.mayRead(em, principal)).has(example)) throw new AppError('EXAMPLE_FORBIDDEN', { unit: example.unit.name });
    if (!example.attachments.some((attachment) => attachment.fileId === fileId)) throw new AppError('EXAMPLE_NOT_FOUND', { id: `${id}/${fileId}` });
    return this.files.open(fileId);
  }

  /**
   * The cluster head's review. The same review sent again answers what was recorded.
   * @throws AppError EXAMPLE_NOT_FOUND, EXAMPLE_REVIEW_FORBIDDEN, EXAMPLE_DECLINE_REASON_REQUIRED, EXAMPLE_ALREADY_REVIEWED.
   */
  async review(id: string, input: ReviewExampleDto, principal: Principal): Promise<AdvancedExampleDto> {
    const em = this.em.fork();
    const example = await this.find(em, id);
    if (!(await this.mayReview(em, example, principal))) throw new AppError('EXAMPLE_REVIEW_FORBIDDEN', { unit: example.unit.name, year: example.year });
    const note = input.note?.trim() || null;
    if (input.decision === 'decline' && !note) throw new AppError('EXAMPLE_DECLINE_REASON_REQUIRED', { title: example.title }, { path: 'note' });
    const status = input.decision === 'accept' ? 'accepted' : 'declined';
    const taken = await em.nativeUpdate(
      AdvancedExample,
      { id, status: 'submitted' },
      { status, reviewedBy: principal.personId, reviewedAt: new Date(), reviewNote: note, updatedAt: new Date() },
    );
    const reviewed = await this.find(em, id, true);
    if (!taken && !(reviewed.status === status && reviewed.reviewNote === note)) {
      throw new AppError('EXAMPLE_ALREADY_REVIEWED', { title: reviewed.title, status: STATUS_WORDS[reviewed.status] });
    }
    return AdvancedExampleDto.from(reviewed);
  }

  /** @throws AppError EXAMPLE_NOT_FOUND, EXAMPLE_FORBIDDEN. */
  async get(id: string, principal: Principal): Promise<AdvancedExampleDto> {
    const em = this.em.fork();
    const example = await this.find(em, id);
    if (!(await this.mayRead(em, principal)).has(example)) throw new AppError('EXAMPLE_FORBIDDEN', { unit: example.unit.name });
    return AdvancedExampleDto.from(example);
  }

  /** The published examples, and the nominations the principal may see (their units', their cluster's as its head). */
  async list(query: ExampleQueryDto, principal: Principal): Promise<AdvancedExampleDto[]> {
    const em = this.em.fork();
    const where: Record<string, unknown> = {};
    if (query.year) where.year = query.year;
    if (query.status) where.status = query.status;
    if (query.unitId) where.unit = query.unitId;
    const examples = await em.find(AdvancedExample, where, { populate: POPULATE, orderBy: { year: 'desc', createdAt: 'desc' } });
    const readable = await this.mayRead(em, principal);
    return examples.filter((example) => readable.has(example)).map((example) => AdvancedExampleDto.from(example));
  }

  private async find(em: EntityManager, id: string, refresh = false): Promise<AdvancedExample> {
    const example = await em.findOne(AdvancedExample, id, { populate: POPULATE, refresh });
    if (!example) throw new AppError('EXAMPLE_NOT_FOUND', { id });
    return example;
  }

  private assertEditable(example: AdvancedExample): AdvancedExample {
    if (example.status !== 'submitted') throw new AppError('EXAMPLE_NOT_EDITABLE', { title: example.title });
    return example;
  }

  private async assertActsFor(em: EntityManager, unit: Unit, principal: Principal): Promise<void> {
    if (principal.roles.includes('admin') || (await mandatedFor(em, principal.personId, [unit.id]))) return;
    throw new AppError('EXAMPLE_FORBIDDEN', { unit: unit.name });
  }

  /** Whether the principal may review the nomination (for the pages' review form). */
  async mayReviewOne(id: string, principal: Principal): Promise<boolean> {
    const em = this.em.fork();
    return this.mayReview(em, await this.find(em, id), principal);
  }

  /** Administrators, and officers of the head of a cluster of that year the nominating unit belongs to. */
  private async mayReview(em: EntityManager, example: AdvancedExample, principal: Principal): Promise<boolean> {
    if (principal.roles.includes('admin')) return true;
    const clusters = await em.find(Cluster, { year: example.year, archivedAt: null, members: example.unit.id, headUnit: { $ne: null } }, { fields: ['headUnit'] });
    return mandatedFor(em, principal.personId, clusters.map((cluster) => cluster.headUnit!.id));
  }

  /**
   * What the principal may read: everything for the council and administrators; else the published examples, the
   * person's own nominations, their units', and, for the head of a cluster, its members' of that year.
   */
  private async mayRead(em: EntityManager, principal: Principal): Promise<{ has(example: AdvancedExample): boolean }> {
    if (principal.roles.some((role) => EVERY_UNIT_ROLES.includes(role))) return { has: () => true };
    const units = new Set((await mandatedUnits(em, principal.personId)).map((unit) => unit.id));
    const headed = units.size ? await em.find(Cluster, { headUnit: { $in: [...units] }, archivedAt: null }, { populate: ['members'] }) : [];
    const reviewed = new Set(headed.flatMap((cluster) => cluster.members.getItems().map((member) => `${member.id} ${cluster.year}`)));
    return {
      has: (example) =>
        example.status === 'accepted' || example.person?.id === principal.personId || units.has(example.unit.id) || reviewed.has(`${example.unit.id} ${example.year}`),
    };
  }
}
