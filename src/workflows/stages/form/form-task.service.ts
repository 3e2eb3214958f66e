import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { Language } from '../../../common/i18n/language';
import { Clock } from '../../../modules/calendar/clock';
import { sqlRows } from '../../../database/sql-rows';
import { PrincipalService, taskMandateJoin, TaskMandateRow } from '../../../modules/auth/principal.service';
import { FormVersion } from '../../../modules/forms/entities/form-version.entity';
import { FormSubmission } from '../../../modules/forms/submissions/form-submission.entity';
import { FormSubmissionsService, SubmissionOwner } from '../../../modules/forms/submissions/form-submissions.service';
import { CampaignCommandsService } from '../../engine/campaign-commands.service';
import { PublishedDocuments } from '../../engine/published-documents';
import { TaskReviewService } from '../../engine/task-review.service';
import { FormStageSettings, formSettingsOf } from './form.stage';
import { FormReviewDto, TaskFormDto } from './form-task.dto';

/** What a form task's pages and commands need of the task, its stage run and its campaign. */
interface FormTask {
  id: string;
  status: string;
  outcome: string | null;
  dueAt: Date | null;
  comment: string | null;
  assigneeUnit: { id: string; code: string } | null;
  assigneePersonId: string | null;
  campaignId: string;
  workflowVersionId: string;
  stageKey: string;
  stageRunStatus: string;
  /** The campaign's pinned form versions, by form key. */
  formVersions: Record<string, string> | undefined;
}

interface FormTaskRow {
  id: string;
  status: string;
  outcome: string | null;
  due_at: Date | number | string | null;
  comment: string | null;
  assignee_unit_id: string | null;
  unit_code: string | null;
  assignee_person_id: string | null;
  campaign_id: string;
  workflow_version_id: string;
  stage_key: string;
  run_status: string;
  form_versions: Record<string, string> | string | null;
}

/** Only the campaign context's pinned versions are read: the rest of it (polls, calendars…) can be large. */
const FORM_VERSIONS_SQL = { postgresql: `c.context -> 'formVersions'`, sqlite: `json_extract(c.context, '$.formVersions')` };

interface LoadedTask {
  task: FormTask;
  settings: FormStageSettings;
  version: FormVersion;
  owner: SubmissionOwner;
}

/**
 * A form task as its assignee sees it: the pinned form, a draft, and the submission that completes the
 * task through the engine, with the submission stored in the engine's transaction.
 */
@Injectable()
export class FormTaskService {
  constructor(
    private readonly em: EntityManager,
    private readonly commands: CampaignCommandsService,
    private readonly submissions: FormSubmissionsService,
    private readonly clock: Clock,
    private readonly reviews: TaskReviewService,
    private readonly documents: PublishedDocuments,
    private readonly principals: PrincipalService,
  ) {}

  /** `actingUnit`: the unit (id or code) the caller acts for, as X-Acting-Unit names it; by default the task's own. */
  async get(taskId: string, principal: Principal, actingUnit: string | undefined): Promise<TaskFormDto> {
    const loaded = await this.load(taskId, principal, actingUnit);
    return this.view(loaded, await this.submissions.ofTask(taskId));
  }

  /** Partial data, checked for formats and limits but not completeness; only while the task is open. */
  async saveDraft(taskId: string, data: unknown, principal: Principal, actingUnit: string | undefined, language: Language): Promise<TaskFormDto> {
    const loaded = await this.load(taskId, principal, actingUnit);
    if (loaded.task.status !== 'open' || loaded.task.stageRunStatus !== 'active') throw new AppError('TASK_CLOSED');
    const cleaned = this.submissions.check(loaded.version, data, 'draft', language);
    const saved = await this.submissions.saveDraft(this.em.fork(), loaded.owner, loaded.version, cleaned);
    return this.view(loaded, saved);
  }

  /**
   * Validates fully against the pinned version and completes the task with outcome `submitted`. Late:
   * accepted and flagged, or 409 FORM_LATE_REFUSED with `acceptLate: false`. A done task takes a new
   * submission only with `allowResubmitUntilDue`, before its due time and while the stage is open.
   */
  async submit(
    taskId: string,
    body: { data: unknown; formVersionId?: string },
    principal: Principal,
    actingUnit: string | undefined,
    language: Language,
  ): Promise<TaskFormDto> {
    const loaded = await this.load(taskId, principal, actingUnit);
    const { task, settings, version, owner, actingFor } = loaded;
    if (body.formVersionId !== undefined && body.formVersionId !== version.id) {
      throw new AppError('FORM_VERSION_MISMATCH', { form: version.definition.name, number: version.number }, { formVersionId: version.id, number: version.number });
    }
    const resubmission = task.status === 'done' && task.outcome === 'submitted';
    if (task.status !== 'open' && !resubmission) throw new AppError('TASK_CLOSED');
    const now = this.clock.now();
    const late = task.dueAt !== null && now > task.dueAt;
    if (resubmission && (!settings.allowResubmitUntilDue || late || task.stageRunStatus !== 'active')) throw new AppError('TASK_CLOSED');
    if (late && settings.acceptLate === false) throw new AppError('FORM_LATE_REFUSED');
    const cleaned = this.submissions.check(version, body.data, 'submit', language);

    if (resubmission) {
      const saved = await this.em.fork().transactional((em) => this.submissions.save(em, owner, version, cleaned, { at: now, late }));
      return this.view(loaded, saved);
    }
    // The same row either way: `recordRow` for the direct write, `record` (the unit of work's) for the other paths.
    const completed = await this.commands.commandTask(
      taskId,
      {
        command: 'submit',
        record: async (em) => void (await this.submissions.save(em, owner, version, cleaned, { at: now, late })),
        deferrable: true,
        recordRow: this.submissions.submissionRow(owner, version, cleaned, { at: now, late }),
      },
      principal,
      actingFor,
    );
    // As committed, without reading it back.
    const done = { ...task, status: completed.status, outcome: completed.outcome, stageRunStatus: completed.stageRunStatus };
    return this.view({ ...loaded, task: done }, { status: 'submitted', data: cleaned, late, submittedAt: now });
  }

  /** The submission of a task for one of its reviewers (403 NOT_REVIEWER for anyone else). */
  async reviewView(taskId: string, principal: Principal, mandates: ActingFor[]): Promise<FormReviewDto> {
    const reviewer = await this.reviews.reviewerOf(taskId, principal, mandates);
    if (!reviewer) throw new AppError('NOT_REVIEWER');
    const loaded = await this.loadTask(taskId);
    const submission = await this.submissions.ofTask(taskId);
    const { task } = loaded;
    const review =
      task.status === 'done' ? (task.outcome === 'accepted' ? 'accepted' : 'awaiting-review') : task.comment && submission?.status === 'draft' ? 'returned' : 'not-submitted';
    return {
      ...this.view(loaded, submission),
      canSubmit: false,
      unitCode: task.assigneeUnit?.code ?? null,
      review,
      reviewComment: review === 'returned' ? task.comment : null,
    };
  }

  /** A reviewer accepts the submission, or returns it with a reason: the unit's task reopens and its data becomes a draft. */
  async review(taskId: string, body: { decision: 'accept' | 'return'; comment?: string }, principal: Principal, mandates: ActingFor[]): Promise<FormReviewDto> {
    await this.reviews.reviewTask(
      taskId,
      {
        decision: body.decision,
        comment: body.comment,
        record: body.decision === 'return' ? (em) => this.submissions.reopen(em, taskId) : undefined,
      },
      principal,
      mandates,
    );
    return this.reviewView(taskId, principal, mandates);
  }

  /** The task for its assignee, with the unit acted for resolved in the same statement (403 NOT_MANDATED). */
  private async load(taskId: string, principal: Principal, actingUnit: string | undefined): Promise<LoadedTask & { actingFor: ActingFor | undefined }> {
    const em = this.em.fork();
    const { task, mandate } = await this.formTask(em, taskId, { personId: principal.personId, header: actingUnit });
    const actingFor = await this.principals.actingForTaskRow(principal.personId, actingUnit, mandate!);
    const loaded = await this.withForm(em, task);
    const mine = task.assigneeUnit ? actingFor?.unitId === task.assigneeUnit.id : task.assigneePersonId === principal.personId;
    if (!mine) throw new AppError('NOT_TASK_ASSIGNEE');
    const owner: SubmissionOwner = {
      taskId,
      campaignId: task.campaignId,
      personId: principal.personId,
      unitId: task.assigneeUnit ? actingFor!.unitId : null,
      mandateId: task.assigneeUnit ? actingFor!.mandateId : null,
    };
    return { ...loaded, owner, actingFor };
  }

  /** The task with its form stage's settings and pinned form version, whoever asks. */
  private async loadTask(taskId: string): Promise<Omit<LoadedTask, 'owner'>> {
    const em = this.em.fork();
    return this.withForm(em, (await this.formTask(em, taskId)).task);
  }

  private async withForm(em: EntityManager, task: FormTask): Promise<Omit<LoadedTask, 'owner'>> {
    const taskId = task.id;
    const stage = (await this.documents.get(em, task.workflowVersionId)).stages[task.stageKey];
    if (stage?.type !== 'form') throw new AppError('TASK_HAS_NO_FORM', { id: taskId });
    const settings = formSettingsOf(stage);
    const pinned = task.formVersions?.[settings.form];
    if (!pinned) throw new AppError('FORM_NOT_FOUND', { id: settings.form });
    return { task, settings, version: await this.submissions.version(pinned) };
  }

  /** One statement, read on every draft: no entities to build; with the caller's mandate for the task when asked. */
  private async formTask(em: EntityManager, taskId: string, caller?: { personId: string; header: string | undefined }): Promise<{ task: FormTask; mandate?: TaskMandateRow }> {
    const dialect = em.getPlatform().constructor.name === 'PostgreSqlPlatform' ? 'postgresql' : 'sqlite';
    const mandate = caller && taskMandateJoin(caller.personId, caller.header);
    const [row] = await sqlRows<FormTaskRow & TaskMandateRow>(
      em,
      `select t.id, t.status, t.outcome, t.due_at, t.comment, t.assignee_unit_id, u.code as unit_code, t.assignee_person_id, t.campaign_id,
         c.workflow_version_id, r.stage_key, r.status as run_status, ${FORM_VERSIONS_SQL[dialect]} as form_versions${mandate ? `, ${mandate.columns}` : ''}
       from task t join stage_run r on r.id = t.stage_run_id join campaign c on c.id = t.campaign_id left join unit u on u.id = t.assignee_unit_id
       ${mandate ? `${mandate.join} ` : ''}where t.id = ?${mandate ? ' order by v.code limit 1' : ''}`,
      [...(mandate?.params ?? []), taskId],
    );
    if (!row) throw new AppError('TASK_NOT_FOUND', { id: taskId });
    return { mandate: mandate && row, task: {
      id: row.id,
      status: row.status,
      outcome: row.outcome,
      dueAt: row.due_at === null ? null : new Date(row.due_at),
      comment: row.comment,
      assigneeUnit: row.assignee_unit_id ? { id: row.assignee_unit_id, code: row.unit_code! } : null,
      assigneePersonId: row.assignee_person_id,
      campaignId: row.campaign_id,
      workflowVersionId: row.workflow_version_id,
      stageKey: row.stage_key,
      stageRunStatus: row.run_status,
      formVersions: typeof row.form_versions === 'string' ? (JSON.parse(row.form_versions) as Record<string, string>) : (row.form_versions ?? undefined),
    } };
  }

  private view({ task, settings, version }: Omit<LoadedTask, 'owner'>, submission: Pick<FormSubmission, 'status' | 'data' | 'late' | 'submittedAt'> | null): TaskFormDto {
    const now = this.clock.now();
    const beforeDue = task.dueAt === null || now <= task.dueAt;
    const canSubmit =
      (task.status === 'open' && (beforeDue || settings.acceptLate !== false)) ||
      (task.status === 'done' && task.outcome === 'submitted' && settings.allowResubmitUntilDue === true && beforeDue && task.stageRunStatus === 'active');
    return {
      taskId: task.id,
      formKey: settings.form,
      formVersionId: version.id,
      formVersionNumber: version.number,
      schema: version.schema,
      status: submission?.status ?? null,
      data: submission?.data ?? null,
      late: submission?.late ?? false,
      submittedAt: submission?.submittedAt?.toISOString() ?? null,
      canSubmit,
    };
  }
}
