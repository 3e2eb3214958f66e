import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable, Optional } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { Clock } from '../../modules/calendar/clock';
import { VersionedDocumentStore } from '../../modules/versioning/versioned-document-store';
import { FormVersion } from '../../modules/forms/entities/form-version.entity';
import { ScoringTableVersion } from '../../modules/scoring/entities/scoring-table-version.entity';
import { WorkflowDefinition } from '../engine/entities/workflow-definition.entity';
import { WorkflowVersion } from '../engine/entities/workflow-version.entity';
import { StageRegistry } from '../stages/stage-registry';
import { CreateWorkflowDefinitionDto, UpdateWorkflowDraftDto, WorkflowDefinitionDto, WorkflowDefinitionListQueryDto } from './dto/workflow-definition.dto';
import { WorkflowVersionDto } from './dto/workflow-version.dto';
import { problemsIn, stagePath, validateWorkflow, WorkflowProblem } from './validate-workflow';
import type { Language } from '../../common/i18n/language';
import type { WorkflowDocument } from './workflow-document';
import { DefinitionPageDto, DefinitionSummaryDto, PublishResultDto, ValidationResultDto, VersionListDto, VersionSummaryDto } from '../../common/versioning/versioned-document.dto';

/** What a key currently holds, for the built-in loader. */
export interface DefinitionState {
  id: string;
  builtIn: boolean;
  latestNumber: number | null;
  latestHash: string | null;
}

/**
 * Workflow definitions (quy trình): a draft administrators edit, frozen into numbered, immutable
 * versions by publishing. Version numbers rely on the unique (definition, number) constraint, not on a lock.
 */
@Injectable()
export class WorkflowDefinitionsService {
  private readonly store: VersionedDocumentStore<WorkflowDefinition, WorkflowVersion>;

  constructor(
    private readonly em: EntityManager,
    private readonly registry: StageRegistry,
    // The app-wide clock when the calendar module is loaded; the CLI has none and uses real time.
    @Optional() clock: Clock = new Clock(),
  ) {
    this.store = new VersionedDocumentStore(em, clock, {
      definition: WorkflowDefinition,
      version: WorkflowVersion,
      contentProperty: 'document',
      codes: {
        definitionNotFound: 'WORKFLOW_DEFINITION_NOT_FOUND',
        versionNotFound: 'WORKFLOW_VERSION_NOT_FOUND',
        contentPublished: 'WORKFLOW_CONTENT_PUBLISHED',
        publishConflict: 'WORKFLOW_PUBLISH_CONFLICT',
      },
    });
  }

  async list(query: WorkflowDefinitionListQueryDto): Promise<DefinitionPageDto> {
    const [definitions, total] = await this.em.findAndCount(WorkflowDefinition, {}, { orderBy: { key: 'asc' }, limit: query.limit, offset: query.offset });
    const latest = await this.latestNumbers(definitions.map((d) => d.id));
    return { items: definitions.map((d) => DefinitionSummaryDto.from(d, latest.get(d.id) ?? null)), total };
  }

  async get(id: string): Promise<WorkflowDefinitionDto> {
    const definition = await this.find(id);
    return WorkflowDefinitionDto.fromDraft(definition, await this.latestOf(definition.id));
  }

  /** A new definition whose draft may still be invalid: validation happens on publish. */
  async create(body: CreateWorkflowDefinitionDto, builtIn = false): Promise<WorkflowDefinitionDto> {
    if (await this.em.count(WorkflowDefinition, { key: body.key })) throw new AppError('WORKFLOW_KEY_TAKEN', { key: body.key });
    const definition = this.em.create(WorkflowDefinition, { key: body.key, name: body.name, draft: body.document as unknown as WorkflowDocument, builtIn });
    try {
      await this.em.flush();
    } catch (cause) {
      // The constraint decides under concurrency; the count above only answers sooner.
      if (cause instanceof UniqueConstraintViolationException) throw new AppError('WORKFLOW_KEY_TAKEN', { key: body.key });
      throw cause;
    }
    return WorkflowDefinitionDto.fromDraft(definition, null);
  }

  /** Replaces the draft. Built-in drafts come from their files, which `workflows:sync` would write back over any edit. */
  async updateDraft(id: string, body: UpdateWorkflowDraftDto): Promise<WorkflowDefinitionDto> {
    const definition = await this.find(id);
    if (definition.builtIn) throw new AppError('WORKFLOW_BUILT_IN', { key: `“${definition.name}” (${definition.key})` });
    definition.draft = body.document as unknown as WorkflowDocument;
    if (body.name !== undefined) definition.name = body.name;
    await this.em.flush();
    return WorkflowDefinitionDto.fromDraft(definition, await this.latestOf(definition.id));
  }

  async validate(id: string, language: Language): Promise<ValidationResultDto> {
    const document = (await this.find(id)).draft;
    const problems = [...this.problemsOf(document), ...(await this.unknownForms(document))];
    return { valid: problems.length === 0, problems: problemsIn(problems, language) };
  }

  /** Every problem that keeps a document from being published. */
  problemsOf(document: unknown): WorkflowProblem[] {
    return validateWorkflow(document, this.registry);
  }

  /**
   * Form stages naming a form with no published version, and score stages naming a scoring table with none. Kept out of validateWorkflow, which stays pure:
   * this needs the database, and a form may be published later, so it is checked again at launch.
   */
  async unknownForms(document: unknown): Promise<WorkflowProblem[]> {
    const stages = (document as Partial<WorkflowDocument> | null)?.stages;
    if (!stages || typeof stages !== 'object') return [];
    const problems: WorkflowProblem[] = [];
    for (const [key, stage] of Object.entries(stages)) {
      const table = stage?.type === 'score' ? (stage.settings as { table?: unknown } | undefined)?.table : undefined;
      if (typeof table === 'string' && !(await this.em.count(ScoringTableVersion, { definition: { key: table } }))) {
        problems.push({
          path: `${stagePath(key)}.settings.table`,
          code: 'UNKNOWN_SCORING_TABLE',
          message: { vi: `Chưa có bảng điểm nào được công bố với mã "${table}"`, en: `no published scoring table has the key "${table}"` },
        });
      }
      const form = stage?.type === 'form' ? (stage.settings as { form?: unknown } | undefined)?.form : undefined;
      if (typeof form !== 'string') continue;
      if (!(await this.em.count(FormVersion, { definition: { key: form } }))) {
        problems.push({
          path: `${stagePath(key)}.settings.form`,
          code: 'UNKNOWN_FORM',
          message: { vi: `Chưa có biểu mẫu nào được công bố với mã "${form}"`, en: `no published form has the key "${form}"` },
        });
      }
    }
    return problems;
  }

  /**
   * Freezes the draft as the next version (see VersionedDocumentStore.publish); an invalid draft, or one whose form
   * stages name a form never published, is refused with every problem in `details`.
   */
  async publish(id: string, publisherId: string | null, language: Language = 'vi'): Promise<PublishResultDto> {
    const definition = await this.find(id);
    const problems = [...this.problemsOf(definition.draft), ...(await this.unknownForms(definition.draft))];
    if (problems.length) throw new AppError('WORKFLOW_INVALID', { count: problems.length }, problemsIn(problems, language));
    const result = await this.store.publish(definition, definition.draft, publisherId);
    return { created: result.created, version: VersionSummaryDto.from(result.version) };
  }

  async listVersions(id: string): Promise<VersionListDto> {
    const versions = await this.store.versionsOf(await this.find(id));
    return { items: versions.map(VersionSummaryDto.from), total: versions.length };
  }

  async getVersion(versionId: string): Promise<WorkflowVersionDto> {
    return WorkflowVersionDto.from(await this.findVersion(versionId));
  }

  /** The frozen document of a version, e.g. for its diagram. */
  async versionDocument(versionId: string): Promise<WorkflowDocument> {
    return (await this.findVersion(versionId)).document;
  }

  /** The newest published version of the definition with this key, or null when none was published. */
  async latestVersion(key: string): Promise<WorkflowVersion | null> {
    return this.store.latestByKey(key);
  }

  /** What the key holds now, or null when no definition has it. */
  async stateOf(key: string): Promise<DefinitionState | null> {
    const definition = await this.em.findOne(WorkflowDefinition, { key });
    if (!definition) return null;
    const latest = await this.latestOf(definition.id);
    return { id: definition.id, builtIn: definition.builtIn, latestNumber: latest?.number ?? null, latestHash: latest?.contentHash ?? null };
  }

  /** Writes a built-in file over the draft of its definition (which it owns). */
  async replaceBuiltInDraft(id: string, name: string, document: WorkflowDocument): Promise<void> {
    const definition = await this.find(id);
    definition.draft = document;
    definition.name = name;
    definition.builtIn = true;
    await this.em.flush();
  }

  private find(id: string): Promise<WorkflowDefinition> {
    return this.store.find(id);
  }

  private findVersion(id: string): Promise<WorkflowVersion> {
    return this.store.findVersion(id);
  }

  private latestOf(definitionId: string): Promise<WorkflowVersion | null> {
    return this.store.latestOf(definitionId);
  }

  private latestNumbers(definitionIds: string[]): Promise<Map<string, number>> {
    return this.store.latestNumbers(definitionIds);
  }
}
