import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import { RowUpsert } from '../../../database/row-upsert';
import { sqlRows } from '../../../database/sql-rows';
import { Language } from '../../../common/i18n/language';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import { FormVersion } from '../entities/form-version.entity';
import { FormDefinition, PreparedForm } from '../validation/form-validation.types';
import { FormValidator } from '../validation/form-validator';
import { FormSubmission } from './form-submission.entity';

const CACHED_VERSIONS = 500;

/** Who fills in the form, for which task. */
export interface SubmissionOwner {
  taskId: string;
  campaignId: string;
  personId: string;
  unitId: string | null;
  mandateId: string | null;
}

/**
 * Drafts and submissions of form data, always validated on the server against the given (pinned) version
 * and stored as the validator's cleaned data. The caller provides the transaction (`em`) so that a
 * submission commits with the task it completes.
 */
@Injectable()
export class FormSubmissionsService {
  /** Published versions never change: each is read once, and prepared for the validator once (by id, not by hashing its schema). */
  private readonly versions = new Map<string, { version: FormVersion; prepared?: PreparedForm }>();

  constructor(
    private readonly em: EntityManager,
    private readonly validator: FormValidator,
  ) {}

  /** A published version, read-only: callers in a transaction refer to it by id. */
  async version(id: string): Promise<FormVersion> {
    const cached = this.versions.get(id);
    if (cached) return cached.version;
    const version = await this.em.fork().findOne(FormVersion, { id }, { populate: ['definition'] });
    if (!version) throw new AppError('FORM_VERSION_NOT_FOUND', { id });
    if (this.versions.size >= CACHED_VERSIONS) this.versions.clear();
    this.versions.set(id, { version });
    return version;
  }

  private prepared(version: FormVersion): PreparedForm {
    const cached = this.versions.get(version.id);
    if (cached?.version !== version) return this.validator.prepare(version.schema as unknown as FormDefinition);
    return (cached.prepared ??= this.validator.prepare(version.schema as unknown as FormDefinition));
  }

  /** The task's draft or submission, or null when nothing was saved yet. */
  ofTask(taskId: string, em: EntityManager = this.em.fork()): Promise<FormSubmission | null> {
    return em.findOne(FormSubmission, { taskId });
  }

  /**
   * The cleaned data, or 422 FORM_INVALID with the field errors (path, validator, message, label) in
   * `details`. A draft is checked for formats and limits only; a submission fully.
   */
  check(version: FormVersion, data: unknown, mode: 'draft' | 'submit', language: Language): Record<string, unknown> {
    const result = this.validator.validate(this.prepared(version), data, { mode, language });
    if (!result.valid) throw new AppError('FORM_INVALID', { count: result.errors.length }, result.errors);
    return result.data;
  }

  /**
   * Submitted forms of these units or this person (their own person-assigned tasks), newest first, with the
   * version, form, unit and person loaded.
   */
  submittedBy(personId: string, unitIds: string[], limit = 200): Promise<FormSubmission[]> {
    const whose = unitIds.length ? { $or: [{ unit: { $in: unitIds } }, { unit: null, person: personId }] } : { unit: null, person: personId };
    return this.em.fork().find(
      FormSubmission,
      { status: 'submitted', ...whose },
      { populate: ['formVersion', 'formVersion.definition', 'unit', 'person'], orderBy: { submittedAt: 'desc' }, limit },
    );
  }

  /** One submission with its version, form, unit and person, or FORM_SUBMISSION_NOT_FOUND. */
  async submission(id: string): Promise<FormSubmission> {
    const submission = await this.em.fork().findOne(FormSubmission, { id }, { populate: ['formVersion', 'formVersion.definition', 'unit', 'person'] });
    if (!submission) throw new AppError('FORM_SUBMISSION_NOT_FOUND', { id });
    return submission;
  }

  /** A returned submission becomes a draft again, its data kept for the unit to fix; in the caller's transaction. */
  async reopen(em: EntityManager, taskId: string): Promise<void> {
    const submission = await em.findOne(FormSubmission, { taskId });
    if (!submission) return;
    submission.status = 'draft';
    submission.submittedAt = null;
    submission.late = false;
    await em.flush();
  }

  /**
   * Saves (creates or replaces) the task's data with a status, in the caller's unit of work: its transaction writes it
   * (a task command's, with the task it completes, or deferred with the rest of the command's writes).
   */
  async save(em: EntityManager, owner: SubmissionOwner, version: FormVersion, data: Record<string, unknown>, submitted: { at: Date; late: boolean } | null): Promise<FormSubmission> {
    return this.write(em, await em.findOne(FormSubmission, { taskId: owner.taskId }), owner, version, data, submitted);
  }

  /**
   * The submission as the one row {@link save} stores, for a hand-written write (a task command's direct write): the
   * task's row inserted, or its draft replaced.
   */
  submissionRow(owner: SubmissionOwner, version: FormVersion, data: Record<string, unknown>, submitted: { at: Date; late: boolean }): RowUpsert {
    const now = new Date();
    return {
      table: 'form_submission',
      values: [
        { column: 'id', value: randomUUID(), type: 'uuid' },
        { column: 'created_at', value: now, type: 'timestamptz' },
        { column: 'updated_at', value: now, type: 'timestamptz' },
        { column: 'task_id', value: owner.taskId, type: 'uuid' },
        { column: 'campaign_id', value: owner.campaignId, type: 'uuid' },
        { column: 'form_version_id', value: version.id, type: 'uuid' },
        { column: 'unit_id', value: owner.unitId, type: 'uuid' },
        { column: 'person_id', value: owner.personId, type: 'uuid' },
        { column: 'mandate_id', value: owner.mandateId, type: 'uuid' },
        { column: 'data', value: JSON.stringify(data), type: 'jsonb' },
        { column: 'status', value: 'submitted', type: 'varchar' },
        { column: 'late', value: submitted.late, type: 'boolean' },
        { column: 'submitted_at', value: submitted.at, type: 'timestamptz' },
      ],
      conflict: 'task_id',
      replace: ['updated_at', 'form_version_id', 'unit_id', 'person_id', 'mandate_id', 'data', 'status', 'late', 'submitted_at'],
    };
  }

  /**
   * A draft, unless a submission committed since the task was read (409 TASK_CLOSED): that is never overwritten. One
   * statement, so no transaction: the task's row inserted, or its draft replaced; a submitted row stays as it is.
   */
  async saveDraft(em: EntityManager, owner: SubmissionOwner, version: FormVersion, data: Record<string, unknown>): Promise<FormSubmission> {
    const now = em.getPlatform().processDateProperty(new Date());
    const [row] = await sqlRows<Record<string, unknown>>(
      em,
      `insert into form_submission (id, created_at, updated_at, task_id, campaign_id, form_version_id, unit_id, person_id, mandate_id, data, status, late)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', false)
       on conflict (task_id) do update set updated_at = excluded.updated_at, form_version_id = excluded.form_version_id, unit_id = excluded.unit_id,
         person_id = excluded.person_id, mandate_id = excluded.mandate_id, data = excluded.data
       where form_submission.status <> 'submitted'
       returning *`,
      [randomUUID(), now, now, owner.taskId, owner.campaignId, version.id, owner.unitId, owner.personId, owner.mandateId, JSON.stringify(data)],
    );
    if (!row) throw new AppError('TASK_CLOSED');
    return em.map(FormSubmission, row);
  }

  private write(em: EntityManager, existing: FormSubmission | null, owner: SubmissionOwner, version: FormVersion, data: Record<string, unknown>, submitted: { at: Date; late: boolean } | null): FormSubmission {
    const submission = existing ?? em.create(FormSubmission, { taskId: owner.taskId, campaignId: owner.campaignId, formVersion: em.getReference(FormVersion, version.id), person: em.getReference(Person, owner.personId), data });
    submission.formVersion = em.getReference(FormVersion, version.id);
    submission.person = em.getReference(Person, owner.personId);
    submission.unit = owner.unitId ? em.getReference(Unit, owner.unitId) : null;
    submission.mandateId = owner.mandateId;
    submission.data = data;
    if (submitted) {
      submission.status = 'submitted';
      submission.submittedAt = submitted.at;
      submission.late = submitted.late;
    }
    return submission;
  }
}
