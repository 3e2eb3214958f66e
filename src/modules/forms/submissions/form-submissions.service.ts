import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import { Language } from '../../../common/i18n/language';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import { FormVersion } from '../entities/form-version.entity';
import { FormDefinition } from '../validation/form-validation.types';
import { FormValidator } from '../validation/form-validator';
import { FormSubmission } from './form-submission.entity';

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
  constructor(
    private readonly em: EntityManager,
    private readonly validator: FormValidator,
  ) {}

  async version(id: string): Promise<FormVersion> {
    const version = await this.em.fork().findOne(FormVersion, { id }, { populate: ['definition'] });
    if (!version) throw new AppError('FORM_VERSION_NOT_FOUND', { id });
    return version;
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
    const result = this.validator.validate(version.schema as unknown as FormDefinition, data, { mode, language });
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

  /** Saves (creates or replaces) the task's data with a status, in the caller's transaction. */
  async save(em: EntityManager, owner: SubmissionOwner, version: FormVersion, data: Record<string, unknown>, submitted: { at: Date; late: boolean } | null): Promise<FormSubmission> {
    const existing = await em.findOne(FormSubmission, { taskId: owner.taskId });
    const submission = existing ?? em.create(FormSubmission, { taskId: owner.taskId, campaignId: owner.campaignId, formVersion: version, person: em.getReference(Person, owner.personId), data });
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
    await em.flush();
    return submission;
  }
}
