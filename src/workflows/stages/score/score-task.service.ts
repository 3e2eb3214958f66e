import type { Readable } from 'node:stream';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { contentHash } from '../../../common/hashing/canonical-json';
import { ERROR_CATALOG } from '../../../common/errors/error-catalog';
import { interpolate, Language, Text } from '../../../common/i18n/language';
import { Clock } from '../../../modules/calendar/clock';
import { FormVersion } from '../../../modules/forms/entities/form-version.entity';
import { FormSubmission } from '../../../modules/forms/submissions/form-submission.entity';
import { FormSubmissionsService, SubmissionOwner } from '../../../modules/forms/submissions/form-submissions.service';
import { FormDefinition } from '../../../modules/forms/validation/form-validation.types';
import { FormValidator } from '../../../modules/forms/validation/form-validator';
import { ScoreSheet } from '../../../modules/scoring/entities/score-sheet.entity';
import { ScoringTableVersion } from '../../../modules/scoring/entities/scoring-table-version.entity';
import { ScoreRow, ScoreWriter } from '../../../modules/scoring/score-writer.service';
import { sheetFormKeyOf } from '../../../modules/scoring/scoring-tables.service';
import { formatPoints } from '../../../modules/scoring/table/points';
import { describeSheetProblems, penaltiesOf, scoreSheet } from '../../../modules/scoring/table/score-sheet';
import type { ScoringLeaf, SheetResult } from '../../../modules/scoring/table/scoring-table';
import { entriesFromFormData } from '../../../modules/scoring/table/table-form';
import { fieldKeyOf, leavesOf, textIn } from '../../../modules/scoring/table/table-text';
import type { UploadedEvidence } from '../../../modules/storage/evidence-upload.interceptor';
import { StoredFile } from '../../../modules/storage/stored-file.entity';
import { StoredFilesService } from '../../../modules/storage/stored-files.service';
import { CampaignCommandsService } from '../../engine/campaign-commands.service';
import { CampaignHistoryService, eventActor } from '../../engine/campaign-history.service';
import { Campaign } from '../../engine/entities/campaign.entity';
import { StageRun } from '../../engine/entities/stage-run.entity';
import { Task } from '../../engine/entities/task.entity';
import { CriterionEvidenceDto, ScoreSheetViewDto } from './score-sheet.dto';
import { recusalAllowed, ScoreStageSettings, scoreSettingsOf } from './score.stage';
import { stageNameText } from '../../engine/refusal-words';

interface LoadedSheet {
  task: Task;
  sheet: ScoreSheet;
  settings: ScoreStageSettings;
  /** For refusals, in every language. */
  stageName: Text;
  table: ScoringTableVersion;
  form: FormVersion;
}

/** A sheet's problems as SCORE_SHEET_INVALID details: the criterion's field path, a code, a message naming it. */
type SheetDetail = { path: string; code: string; message: string };

/** How often an evidence upload retries when another change of the same sheet committed first (CAMPAIGN_CHANGED). */
const MAX_ATTEMPTS = 10;


/**
 * A score sheet (phiếu chấm điểm) as its scorer sees it: the pinned sheet form, a draft (kept as a form submission
 * draft), evidence per criterion, and the submission or recusal that completes the task through the engine, with the
 * sheet, its scores and the form data stored in the engine's transaction. The sheet's row is unique per task and its
 * status moves from `draft` only once (a guarded update), so concurrent submissions make one sheet and one set of
 * scores; a repeated submission of the same data answers the stored sheet (idempotent replay), other data 409.
 */
@Injectable()
export class ScoreTaskService {
  constructor(
    private readonly em: EntityManager,
    private readonly commands: CampaignCommandsService,
    private readonly submissions: FormSubmissionsService,
    private readonly validator: FormValidator,
    private readonly writer: ScoreWriter,
    private readonly files: StoredFilesService,
    private readonly history: CampaignHistoryService,
    private readonly clock: Clock,
  ) {}

  async get(taskId: string, principal: Principal, actingFor: ActingFor | undefined, language: Language): Promise<ScoreSheetViewDto> {
    const loaded = await this.loadOwn(taskId, principal, actingFor);
    return this.view(loaded, language);
  }

  /** Partial data, checked for formats and limits but not completeness; only while the sheet is a draft and the stage open. */
  async saveDraft(taskId: string, data: unknown, principal: Principal, actingFor: ActingFor | undefined, language: Language): Promise<ScoreSheetViewDto> {
    const loaded = await this.loadOwn(taskId, principal, actingFor);
    this.assertDraft(loaded);
    const cleaned = this.submissions.check(loaded.form, data, 'draft', language);
    await this.em.fork().transactional(async (em) => {
      // A submission that committed since the sheet was read must not be overwritten by a draft.
      const sheet = await em.findOneOrFail(ScoreSheet, { taskId });
      if (sheet.status !== 'draft') throw this.closedError({ ...loaded, sheet });
      await this.submissions.save(em, this.ownerOf(loaded, principal, actingFor), loaded.form, cleaned, null);
    });
    return this.get(taskId, principal, actingFor, language);
  }

  /**
   * Validates against the pinned sheet form and the pinned table, checks evidence, and completes the task with
   * outcome `submitted`, storing the sheet's total, group totals and every score in the engine's transaction.
   */
  async submit(
    taskId: string,
    body: { data: unknown; tableVersionId?: string },
    principal: Principal,
    actingFor: ActingFor | undefined,
    language: Language,
  ): Promise<ScoreSheetViewDto> {
    const loaded = await this.loadOwn(taskId, principal, actingFor);
    const { sheet, table } = loaded;
    if (body.tableVersionId !== undefined && body.tableVersionId !== table.id) await this.versionMismatch(loaded, body.tableVersionId);
    if (sheet.status === 'submitted') return this.replay(loaded, body.data, principal, actingFor, language);
    this.assertDraft(loaded);

    const { cleaned, result } = this.evaluate(loaded, body.data, language);
    this.assertEvidence(loaded, result, language);
    const owner = this.ownerOf(loaded, principal, actingFor);
    const document = table.document;
    const entries = new Map(entriesFromFormData(document, cleaned).map((entry) => [entry.code, entry]));
    const groupCodes = new Set(document.groups.map((group) => group.code));
    const groupTotals = Object.fromEntries(result.branches.filter((branch) => groupCodes.has(branch.code)).map((branch) => [branch.code, branch.capped]));

    try {
      await this.commands.commandTask(
          taskId,
          {
            command: 'submit',
            record: async (em, task) => {
              const now = this.clock.now();
              const late = task.late || (task.dueAt !== null && now > task.dueAt);
              const moved = await em.nativeUpdate(
                ScoreSheet,
                { id: sheet.id, status: 'draft' },
                { status: 'submitted', total: result.total, groupTotals, penalties: penaltiesOf(document, result.leaves), submittedBy: principal.personId, submittedAt: now, version: sheet.version + 1, updatedAt: now },
              );
              if (moved !== 1) throw new AppError('SCORE_ALREADY_SUBMITTED', { unit: loaded.task.aboutUnit!.name });
              const evidence = (await em.findOneOrFail(ScoreSheet, sheet.id, { refresh: true })).evidence ?? {};
              const rows: ScoreRow[] = result.leaves.map((leaf) => {
                const { code: _code, comment, ...given } = entries.get(leaf.code) ?? { code: leaf.code };
                return {
                  sheetId: sheet.id,
                  scoredUnitId: loaded.task.aboutUnit!.id,
                  criterionCode: leaf.code,
                  points: leaf.points,
                  entry: Object.keys(given).length ? given : null,
                  comment: comment ?? null,
                  evidenceFileIds: evidence[leaf.code]?.length ? evidence[leaf.code] : null,
                };
              });
              await this.writer.insertScores(em, rows);
              await this.submissions.save(em, owner, loaded.form, cleaned, { at: now, late });
            },
          },
          principal,
          actingFor,
      );
    } catch (error) {
      if (!(error instanceof AppError) || !['TASK_CLOSED', 'STAGE_CLOSED', 'SCORE_ALREADY_SUBMITTED'].includes(error.code)) throw error;
      // Another submission (or the deadline) won the race: answer as if this one came after it.
      const current = await this.loadOwn(taskId, principal, actingFor);
      if (current.sheet.status === 'submitted') return this.replay(current, body.data, principal, actingFor, language);
      throw this.closedError(current);
    }
    return this.get(taskId, principal, actingFor, language);
  }

  /** Declines the sheet with a reason (kept on the sheet and in the campaign's history); the task ends `recused`. */
  async recuse(taskId: string, reason: string, principal: Principal, actingFor: ActingFor | undefined, language: Language): Promise<ScoreSheetViewDto> {
    const loaded = await this.loadOwn(taskId, principal, actingFor);
    const { sheet, task, settings } = loaded;
    const unit = task.aboutUnit!.name;
    if (!recusalAllowed(settings)) throw new AppError('SCORE_RECUSAL_NOT_ALLOWED', { stage: loaded.stageName });
    if (sheet.status === 'submitted') throw new AppError('SCORE_RECUSE_AFTER_SUBMIT', { unit });
    if (sheet.status === 'recused') return this.view(loaded, language);
    this.assertDraft(loaded);
    const text = reason.trim();
    if (!text) throw new AppError('COMMENT_REQUIRED');
    try {
      await this.commands.commandTask(
          taskId,
          {
            command: 'recuse',
            comment: text,
            record: async (em, current) => {
              const now = this.clock.now();
              const moved = await em.nativeUpdate(
                ScoreSheet,
                { id: sheet.id, status: 'draft' },
                { status: 'recused', recusalReason: text, submittedBy: principal.personId, submittedAt: now, version: sheet.version + 1, updatedAt: now },
              );
              if (moved !== 1) throw new AppError('SCORE_RECUSE_AFTER_SUBMIT', { unit });
              const campaign = await em.findOneOrFail(Campaign, current.campaign.id);
              await this.history.append(
                em,
                campaign,
                'score-sheet.recused',
                { stage: current.stageRun.stageKey, taskId, sheetId: sheet.id, scorer: task.assigneeUnit?.code ?? task.assigneePerson?.username ?? null, scoredUnit: task.aboutUnit!.code, reason: text },
                eventActor(principal, actingFor),
              );
            },
          },
          principal,
          actingFor,
      );
    } catch (error) {
      if (!(error instanceof AppError) || !['TASK_CLOSED', 'STAGE_CLOSED'].includes(error.code)) throw error;
      const current = await this.loadOwn(taskId, principal, actingFor);
      if (current.sheet.status === 'submitted') throw new AppError('SCORE_RECUSE_AFTER_SUBMIT', { unit });
      if (current.sheet.status === 'recused') return this.view(current, language);
      throw this.closedError(current);
    }
    return this.get(taskId, principal, actingFor, language);
  }

  /** Stores one evidence file (purpose `evidence`) and adds it to the draft's list for the criterion. */
  async attachEvidence(
    taskId: string,
    criterion: string,
    file: UploadedEvidence,
    principal: Principal,
    actingFor: ActingFor | undefined,
    language: Language,
  ): Promise<ScoreSheetViewDto> {
    const loaded = await this.loadOwn(taskId, principal, actingFor);
    this.assertDraft(loaded);
    if (!leavesOf(loaded.table.document).some((leaf) => leaf.code === criterion)) throw new AppError('SCORE_UNKNOWN_CRITERION', { code: criterion }, [{ path: 'criterion', code: 'SCORE_UNKNOWN_CRITERION' }]);
    const stored = await this.files.put(file.buffer, { originalName: file.originalname, uploadedById: principal.personId, purpose: 'evidence' });
    const em = this.em.fork();
    // Compare-and-set on the sheet's version: two uploads at once both land.
    for (let attempt = 1; ; attempt++) {
      const sheet = await em.findOneOrFail(ScoreSheet, { taskId }, { refresh: true });
      if (sheet.status !== 'draft') throw this.closedError({ ...loaded, sheet });
      const evidence = { ...(sheet.evidence ?? {}) };
      evidence[criterion] = [...new Set([...(evidence[criterion] ?? []), stored.id])];
      const moved = await em.nativeUpdate(ScoreSheet, { id: sheet.id, version: sheet.version, status: 'draft' }, { evidence, version: sheet.version + 1, updatedAt: this.clock.now() });
      if (moved === 1) break;
      if (attempt >= MAX_ATTEMPTS) throw new AppError('CAMPAIGN_CHANGED');
    }
    return this.get(taskId, principal, actingFor, language);
  }

  /**
   * An evidence file of a sheet, for those who may see it: the scoring unit's people (or the scoring council member),
   * the cluster head's people, council members and administrators; the scored unit's people once the stage closed.
   */
  async openEvidence(sheetId: string, fileId: string, principal: Principal, mandates: ActingFor[]): Promise<{ file: StoredFile; stream: Readable }> {
    const em = this.em.fork();
    const sheet = await em.findOne(ScoreSheet, sheetId);
    if (!sheet) throw new AppError('SCORE_SHEET_NOT_FOUND', { sheet: sheetId });
    if (!(await this.maySeeSheet(em, sheet, principal, mandates))) throw new AppError('SCORE_EVIDENCE_NOT_VISIBLE');
    const given = Object.values(sheet.evidence ?? {}).some((ids) => ids.includes(fileId));
    if (!given) throw new AppError('STORED_FILE_NOT_FOUND', { id: fileId });
    return this.files.open(fileId);
  }

  /** A pinned table version's document (for the pages' criterion labels). */
  async tableDocument(versionId: string) {
    return (await this.em.fork().findOneOrFail(ScoringTableVersion, versionId)).document;
  }

  /**
   * The score stage's task, its sheet, the pinned table and sheet form; 403 unless the caller is its assignee (whose
   * task it is is decided before what kind of task it is, so a stranger learns nothing about another unit's tasks).
   */
  private async loadOwn(taskId: string, principal: Principal, actingFor: ActingFor | undefined): Promise<LoadedSheet> {
    const em = this.em.fork();
    const task = await em.findOne(Task, taskId, { populate: ['stageRun', 'campaign', 'campaign.workflowVersion', 'assigneeUnit', 'assigneePerson', 'aboutUnit'] });
    if (!task) throw new AppError('TASK_NOT_FOUND', { id: taskId });
    if (task.assigneeUnit) {
      // The scored unit acting on a sheet about itself: refused by name, whatever else is wrong with the request.
      if (task.aboutUnit && actingFor?.unitId === task.aboutUnit.id && task.aboutUnit.id !== task.assigneeUnit.id) throw new AppError('SCORE_OWN_UNIT', { unit: task.aboutUnit.name });
      if (actingFor?.unitId !== task.assigneeUnit.id) throw new AppError('NOT_TASK_ASSIGNEE');
    } else if (task.assigneePerson?.id !== principal.personId) {
      throw new AppError('NOT_TASK_ASSIGNEE');
    }
    const stage = task.campaign.workflowVersion.document.stages[task.stageRun.stageKey];
    const sheet = stage?.type === 'score' && task.aboutUnit ? await em.findOne(ScoreSheet, { taskId }, { populate: ['tableVersion', 'tableVersion.definition', 'scorerUnit', 'scorerPerson', 'scoredUnit'] }) : null;
    if (!sheet) throw new AppError('SCORE_SHEET_NOT_FOUND', { sheet: taskId });
    const settings = scoreSettingsOf(stage);
    const formVersionId = (task.campaign.context.formVersions as Record<string, string> | undefined)?.[sheetFormKeyOf(settings.table)];
    if (!formVersionId) throw new AppError('FORM_NOT_FOUND', { id: sheetFormKeyOf(settings.table) });
    return { task, sheet, settings, stageName: stageNameText(stage, task.stageRun.stageKey), table: sheet.tableVersion, form: await this.submissions.version(formVersionId) };
  }

  private ownerOf({ task }: LoadedSheet, principal: Principal, actingFor: ActingFor | undefined): SubmissionOwner {
    return {
      taskId: task.id,
      campaignId: task.campaign.id,
      personId: principal.personId,
      unitId: task.assigneeUnit ? actingFor!.unitId : null,
      mandateId: task.assigneeUnit ? actingFor!.mandateId : null,
    };
  }

  /** 409 with the reason a sheet takes no more changes: its stage closed, submitted, or recused. */
  private closedError({ task, sheet, stageName }: Pick<LoadedSheet, 'task' | 'sheet' | 'stageName'>): AppError {
    if (sheet.status === 'submitted') return new AppError('SCORE_ALREADY_SUBMITTED', { unit: task.aboutUnit!.name });
    if (task.stageRun.status !== 'active' || task.status === 'cancelled') return new AppError('SCORE_STAGE_CLOSED', { stage: stageName });
    return new AppError('TASK_CLOSED');
  }

  private assertDraft(loaded: LoadedSheet): void {
    const { task, sheet } = loaded;
    if (sheet.status !== 'draft' || task.status !== 'open' || task.stageRun.status !== 'active') throw this.closedError(loaded);
  }

  private async versionMismatch({ table }: LoadedSheet, sentId: string): Promise<never> {
    const sent = await this.em.fork().findOne(ScoringTableVersion, { id: sentId }, { populate: ['definition'] });
    const sentLabel = sent ? `${sent.number}${sent.definition.key === table.definition.key ? '' : ` (${sent.definition.key})`}` : sentId;
    throw new AppError(
      'SCORE_TABLE_VERSION_MISMATCH',
      { sent: sentLabel, key: table.definition.key, pinned: table.number },
      { pinnedVersion: { id: table.id, number: table.number }, sentVersion: { id: sentId, number: sent?.number ?? null } },
    );
  }

  /** A submitted sheet sent again: the same (cleaned) data answers the stored sheet, other data 409. */
  private async replay(loaded: LoadedSheet, data: unknown, principal: Principal, actingFor: ActingFor | undefined, language: Language): Promise<ScoreSheetViewDto> {
    const stored = await this.submissions.ofTask(loaded.task.id);
    let same = false;
    try {
      const result = this.validator.validate(loaded.form.schema as unknown as FormDefinition, data, { mode: 'submit', language });
      same = result.valid && stored !== null && contentHash(result.data) === contentHash(stored.data);
    } catch {
      same = false;
    }
    if (!same) throw new AppError('SCORE_ALREADY_SUBMITTED', { unit: loaded.task.aboutUnit!.name });
    return this.get(loaded.task.id, principal, actingFor, language);
  }

  /**
   * The form validator's verdict and the table's, together: the sheet's problems (criterion named) first, then the
   * form's for fields the table said nothing about. 422 SCORE_SHEET_INVALID with every one in `details`.
   */
  private evaluate({ form, table }: LoadedSheet, data: unknown, language: Language): { cleaned: Record<string, unknown>; result: SheetResult } {
    const checked = this.validator.validate(form.schema as unknown as FormDefinition, data, { mode: 'submit', language });
    const given = checked.valid ? checked.data : { ...(data as Record<string, unknown>) };
    const result = scoreSheet(table.document, entriesFromFormData(table.document, given));
    const details: SheetDetail[] = describeSheetProblems(table.document, result.problems, language);
    const fieldOf = (path: string) => path.split(/[.[]/)[0];
    const covered = new Set(details.map((detail) => fieldOf(detail.path)));
    for (const error of checked.errors) {
      if (!covered.has(fieldOf(error.path))) details.push({ path: error.path, code: `FORM_${error.validator.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`, message: error.message });
    }
    if (details.length) throw new AppError('SCORE_SHEET_INVALID', { count: details.length }, details);
    return { cleaned: checked.data, result };
  }

  /** Which criteria need evidence when given points: the table's required ones, all of them, or none. */
  private evidenceNeeded({ settings }: Pick<LoadedSheet, 'settings'>, leaf: ScoringLeaf): boolean {
    const rule = settings.evidence ?? 'as-table';
    return rule === 'required' || (rule === 'as-table' && leaf.evidence === 'required');
  }

  /** A criterion given points (or a deduction) whose evidence is needed and missing: 422 SCORE_EVIDENCE_REQUIRED at its path. */
  private assertEvidence(loaded: LoadedSheet, result: SheetResult, language: Language): void {
    const points = new Map(result.leaves.map((leaf) => [leaf.code, leaf.points]));
    const evidence = loaded.sheet.evidence ?? {};
    const missing = leavesOf(loaded.table.document).filter((leaf) => this.evidenceNeeded(loaded, leaf) && (points.get(leaf.code) ?? 0) !== 0 && !evidence[leaf.code]?.length);
    if (!missing.length) return;
    const details = missing.map((leaf) => ({
      path: fieldKeyOf(leaf.code),
      code: 'SCORE_EVIDENCE_REQUIRED',
      message: interpolate(ERROR_CATALOG.SCORE_EVIDENCE_REQUIRED.message[language], { code: leaf.code, criterion: textIn(leaf.text, language) }),
    }));
    throw new AppError('SCORE_EVIDENCE_REQUIRED', { code: missing[0].code, criterion: { vi: textIn(missing[0].text, 'vi'), en: textIn(missing[0].text, 'en') } }, details);
  }

  private async maySeeSheet(em: EntityManager, sheet: ScoreSheet, principal: Principal, mandates: ActingFor[]): Promise<boolean> {
    if (principal.roles.includes('admin') || principal.roles.includes('council-member')) return true;
    if (sheet.scorerPerson?.id === principal.personId) return true;
    const units = new Set(mandates.map((m) => m.unitId));
    if (sheet.scorerUnit && units.has(sheet.scorerUnit.id)) return true;
    const campaign = await em.findOneOrFail(Campaign, sheet.campaignId, { populate: ['subjectCluster'] });
    if (campaign.subjectCluster?.headUnit && units.has(campaign.subjectCluster.headUnit.id)) return true;
    if (units.has(sheet.scoredUnit.id)) {
      const run = await em.findOneOrFail(StageRun, sheet.stageRunId);
      return run.status !== 'active';
    }
    return false;
  }

  private async view(loaded: LoadedSheet, language: Language): Promise<ScoreSheetViewDto> {
    const { task, sheet, table, form, settings } = loaded;
    const submission: FormSubmission | null = await this.submissions.ofTask(task.id);
    const evidence = sheet.evidence ?? {};
    const ids = [...new Set(Object.values(evidence).flat())];
    const files = new Map(ids.length ? (await this.em.fork().find(StoredFile, { id: { $in: ids } })).map((file) => [file.id, file]) : []);
    const criteria: CriterionEvidenceDto[] = leavesOf(table.document).map((leaf) => ({
      criterion: leaf.code,
      path: fieldKeyOf(leaf.code),
      required: this.evidenceNeeded(loaded, leaf),
      files: (evidence[leaf.code] ?? [])
        .map((id) => files.get(id))
        .filter((file): file is StoredFile => file !== undefined)
        .map((file) => ({ id: file.id, name: file.originalName, mediaType: file.mediaType, sizeBytes: file.sizeBytes, url: `/api/v1/score-sheets/${sheet.id}/evidence/${file.id}` })),
    }));
    const open = sheet.status === 'draft' && task.status === 'open' && task.stageRun.status === 'active';
    return {
      taskId: task.id,
      sheetId: sheet.id,
      campaignId: task.campaign.id,
      stageKey: task.stageRun.stageKey,
      kind: sheet.kind,
      status: sheet.status,
      tableKey: table.definition.key,
      tableVersionId: table.id,
      tableVersionNumber: table.number,
      formKey: sheetFormKeyOf(table.definition.key),
      formVersionId: form.id,
      formVersionNumber: form.number,
      schema: form.schema,
      scoredUnit: { code: sheet.scoredUnit.code, name: sheet.scoredUnit.name },
      scorerUnit: sheet.scorerUnit ? { code: sheet.scorerUnit.code, name: sheet.scorerUnit.name } : null,
      scorerPerson: sheet.scorerPerson?.fullName ?? null,
      data: submission?.data ?? null,
      evidence: criteria,
      evidenceRule: settings.evidence ?? 'as-table',
      total: sheet.total,
      totalText: sheet.total === null ? null : formatPoints(sheet.total, language),
      groupTotals: sheet.groupTotals,
      recusalReason: sheet.recusalReason,
      late: task.late,
      dueAt: task.dueAt?.toISOString() ?? null,
      submittedAt: sheet.submittedAt?.toISOString() ?? null,
      canSubmit: open,
      canRecuse: open && recusalAllowed(settings),
    };
  }
}
