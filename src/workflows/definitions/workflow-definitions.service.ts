import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable, Optional } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { contentHash } from '../../common/hashing/canonical-json';
import { Clock } from '../../modules/calendar/clock';
import { FormVersion } from '../../modules/forms/entities/form-version.entity';
import { Person } from '../../modules/org/entities/person.entity';
import { WorkflowDefinition } from '../engine/entities/workflow-definition.entity';
import { WorkflowVersion } from '../engine/entities/workflow-version.entity';
import { StageRegistry } from '../stages/stage-registry';
import { CreateWorkflowDefinitionDto, UpdateWorkflowDraftDto, WorkflowDefinitionDto, WorkflowDefinitionListQueryDto } from './dto/workflow-definition.dto';
import { WorkflowVersionDto } from './dto/workflow-version.dto';
import { validateWorkflow, WorkflowProblem } from './validate-workflow';
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
  constructor(
    private readonly em: EntityManager,
    private readonly registry: StageRegistry,
    // The app-wide clock when the calendar module is loaded; the CLI has none and uses real time.
    @Optional() private readonly clock: Clock = new Clock(),
  ) {}

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
    if (definition.builtIn) throw new AppError('WORKFLOW_BUILT_IN', { key: definition.key });
    definition.draft = body.document as unknown as WorkflowDocument;
    if (body.name !== undefined) definition.name = body.name;
    await this.em.flush();
    return WorkflowDefinitionDto.fromDraft(definition, await this.latestOf(definition.id));
  }

  async validate(id: string): Promise<ValidationResultDto> {
    const document = (await this.find(id)).draft;
    const problems = [...this.problemsOf(document), ...(await this.unknownForms(document))];
    return { valid: problems.length === 0, problems };
  }

  /** Every problem that keeps a document from being published. */
  problemsOf(document: unknown): WorkflowProblem[] {
    return validateWorkflow(document, this.registry);
  }

  /**
   * Form stages naming a form with no published version. Kept out of validateWorkflow, which stays pure:
   * this needs the database, and a form may be published later, so it is checked again at launch.
   */
  async unknownForms(document: unknown): Promise<WorkflowProblem[]> {
    const stages = (document as Partial<WorkflowDocument> | null)?.stages;
    if (!stages || typeof stages !== 'object') return [];
    const problems: WorkflowProblem[] = [];
    for (const [key, stage] of Object.entries(stages)) {
      const form = stage?.type === 'form' ? (stage.settings as { form?: unknown } | undefined)?.form : undefined;
      if (typeof form !== 'string') continue;
      if (!(await this.em.count(FormVersion, { definition: { key: form } }))) {
        problems.push({ path: `${/^[A-Za-z_$][\w$]*$/.test(key) ? `$.stages.${key}` : `$.stages[${JSON.stringify(key)}]`}.settings.form`, code: 'UNKNOWN_FORM', message: `no published form has the key "${form}"` });
      }
    }
    return problems;
  }

  /**
   * Freezes the draft as the next version; when the draft is exactly the latest version nothing is
   * created and that version is returned. Two publishers racing for the same number: the loser retries once.
   */
  async publish(id: string, publisherId: string | null): Promise<PublishResultDto> {
    const definition = await this.find(id);
    const problems = [...this.problemsOf(definition.draft), ...(await this.unknownForms(definition.draft))];
    if (problems.length) throw new AppError('WORKFLOW_INVALID', { count: problems.length }, problems);
    const document = definition.draft;
    const hash = contentHash(document);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.publishOnce(definition.id, document, hash, publisherId);
        return { created: result.created, version: VersionSummaryDto.from(result.version) };
      } catch (cause) {
        if (!(cause instanceof UniqueConstraintViolationException)) throw cause;
        if (attempt === 2) throw new AppError('WORKFLOW_PUBLISH_CONFLICT', { key: definition.key });
      }
    }
  }

  async listVersions(id: string): Promise<VersionListDto> {
    const definition = await this.find(id);
    const versions = await this.em.find(WorkflowVersion, { definition }, { populate: ['definition', 'publishedBy'], orderBy: { number: 'desc' } });
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
    return this.em.findOne(WorkflowVersion, { definition: { key } }, { populate: ['definition'], orderBy: { number: 'desc' } });
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

  private async publishOnce(definitionId: string, document: WorkflowDocument, hash: string, publisherId: string | null) {
    return this.em.transactional(async (em) => {
      // The hash is looked up first: under read committed, a racing publisher's version may appear between two reads.
      const same = await em.findOne(WorkflowVersion, { definition: definitionId, contentHash: hash }, { populate: ['definition', 'publishedBy'] });
      if (same) {
        // (definition, contentHash) is unique too: an earlier content cannot come back as a new number.
        const newer = await em.count(WorkflowVersion, { definition: definitionId, number: { $gt: same.number } });
        if (newer) throw new AppError('WORKFLOW_CONTENT_PUBLISHED', { number: same.number }, { versionId: same.id, number: same.number });
        return { version: same, created: false };
      }
      const latest = await em.findOne(WorkflowVersion, { definition: definitionId }, { orderBy: { number: 'desc' } });
      const version = em.create(WorkflowVersion, {
        definition: await em.findOneOrFail(WorkflowDefinition, definitionId),
        number: (latest?.number ?? 0) + 1,
        document,
        contentHash: hash,
        publishedBy: publisherId ? await em.findOneOrFail(Person, publisherId) : null,
        publishedAt: this.clock.now(),
      });
      await em.flush();
      return { version, created: true };
    });
  }

  private async find(id: string): Promise<WorkflowDefinition> {
    const definition = await this.em.findOne(WorkflowDefinition, { id });
    if (!definition) throw new AppError('WORKFLOW_DEFINITION_NOT_FOUND', { id });
    return definition;
  }

  private async findVersion(id: string): Promise<WorkflowVersion> {
    const version = await this.em.findOne(WorkflowVersion, { id }, { populate: ['definition', 'publishedBy'] });
    if (!version) throw new AppError('WORKFLOW_VERSION_NOT_FOUND', { id });
    return version;
  }

  private latestOf(definitionId: string): Promise<WorkflowVersion | null> {
    return this.em.findOne(WorkflowVersion, { definition: definitionId }, { orderBy: { number: 'desc' } });
  }

  private async latestNumbers(definitionIds: string[]): Promise<Map<string, number>> {
    if (!definitionIds.length) return new Map();
    const versions = await this.em.find(WorkflowVersion, { definition: { $in: definitionIds } }, { fields: ['number', 'definition'] });
    const latest = new Map<string, number>();
    for (const v of versions) latest.set(v.definition.id, Math.max(latest.get(v.definition.id) ?? 0, v.number));
    return latest;
  }
}
