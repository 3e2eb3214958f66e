import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable, Optional } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { contentHash } from '../../common/hashing/canonical-json';
import { Clock } from '../calendar/clock';
import { VersionedDocumentStore } from '../versioning/versioned-document-store';
import { CreateFormDto, FormDto, UpdateFormDraftDto } from './dto/form-definition.dto';
import { FormVersionDiffDto, FormVersionDto } from './dto/form-version.dto';
import { FormDefinition } from './entities/form-definition.entity';
import { FormVersion } from './entities/form-version.entity';
import { diffForms } from './form-diff';
import type { FormSchema } from './form-schema';
import { FormProblem, formStructureProblems } from './form-structure';
import { DefinitionPageDto, DefinitionSummaryDto, ListQueryDto, PublishResultDto, ValidationResultDto, VersionListDto, VersionSummaryDto } from '../../common/versioning/versioned-document.dto';

/** What a key currently holds, for the built-in loader. */
export interface FormState {
  id: string;
  builtIn: boolean;
  latestNumber: number | null;
  latestHash: string | null;
  /** Hash of the built-in file last applied; null for administrators' forms and rows from before it was kept. */
  sourceHash: string | null;
  /** The draft differs from the latest version: an edit not published yet. */
  draftPending: boolean;
}

/**
 * Form definitions (biểu mẫu): a Form.io draft administrators edit, frozen into numbered, immutable
 * versions by publishing. Version numbers rely on the unique (definition, number) constraint, not on a lock.
 */
@Injectable()
export class FormsService {
  private readonly store: VersionedDocumentStore<FormDefinition, FormVersion>;

  constructor(
    private readonly em: EntityManager,
    // The app-wide clock when the calendar module is loaded; the CLI has none and uses real time.
    @Optional() clock: Clock = new Clock(),
  ) {
    this.store = new VersionedDocumentStore(em, clock, {
      definition: FormDefinition,
      version: FormVersion,
      contentProperty: 'schema',
      codes: { definitionNotFound: 'FORM_NOT_FOUND', versionNotFound: 'FORM_VERSION_NOT_FOUND', contentPublished: 'FORM_CONTENT_PUBLISHED', publishConflict: 'FORM_PUBLISH_CONFLICT' },
    });
  }

  async list(query: ListQueryDto): Promise<DefinitionPageDto> {
    const [definitions, total] = await this.em.findAndCount(FormDefinition, {}, { orderBy: { key: 'asc' }, limit: query.limit, offset: query.offset });
    const latest = await this.latestNumbers(definitions.map((d) => d.id));
    return { items: definitions.map((d) => DefinitionSummaryDto.from(d, latest.get(d.id) ?? null)), total };
  }

  async get(id: string): Promise<FormDto> {
    const definition = await this.find(id);
    return FormDto.fromDraft(definition, await this.latestOf(definition.id));
  }

  /** A new form whose draft may still be invalid: its structure is checked on validate and publish. */
  async create(body: CreateFormDto, builtIn = false): Promise<FormDto> {
    if (await this.em.count(FormDefinition, { key: body.key })) throw new AppError('FORM_KEY_TAKEN', { key: body.key });
    const definition = this.em.create(FormDefinition, { key: body.key, name: body.name, draft: body.schema, builtIn });
    try {
      await this.em.flush();
    } catch (cause) {
      // The constraint decides under concurrency; the count above only answers sooner.
      if (cause instanceof UniqueConstraintViolationException) throw new AppError('FORM_KEY_TAKEN', { key: body.key });
      throw cause;
    }
    return FormDto.fromDraft(definition, null);
  }

  /**
   * Replaces the draft, of built-in forms too: once an administrator has edited a built-in form, `forms:sync`
   * leaves it alone (see `builtinFormSyncAction`).
   */
  async updateDraft(id: string, body: UpdateFormDraftDto): Promise<FormDto> {
    const definition = await this.find(id);
    definition.draft = body.schema;
    if (body.name !== undefined) definition.name = body.name;
    await this.em.flush();
    return FormDto.fromDraft(definition, await this.latestOf(definition.id));
  }

  async validate(id: string): Promise<ValidationResultDto> {
    const problems = this.problemsOf((await this.find(id)).draft);
    return { valid: problems.length === 0, problems };
  }

  /** Every problem that keeps a schema from being published. */
  problemsOf(schema: unknown): FormProblem[] {
    return formStructureProblems(schema);
  }

  /**
   * Freezes the draft as the next version (see VersionedDocumentStore.publish); an invalid draft is refused with
   * every problem in `details`.
   */
  async publish(id: string, publisherId: string | null): Promise<PublishResultDto> {
    const definition = await this.find(id);
    const problems = this.problemsOf(definition.draft);
    if (problems.length) throw new AppError('FORM_INVALID', { count: problems.length }, problems);
    const result = await this.store.publish(definition, definition.draft, publisherId);
    return { created: result.created, version: VersionSummaryDto.from(result.version) };
  }

  async listVersions(id: string): Promise<VersionListDto> {
    const versions = await this.store.versionsOf(await this.find(id));
    return { items: versions.map(VersionSummaryDto.from), total: versions.length };
  }

  async getVersion(versionId: string): Promise<FormVersionDto> {
    return FormVersionDto.from(await this.findVersion(versionId));
  }

  /** Components added, removed and changed from version `a` to version `b`, matched on their data paths. */
  async diffVersions(a: string, b: string): Promise<FormVersionDiffDto> {
    const [from, to] = [await this.findVersion(a), await this.findVersion(b)];
    return { from: { id: from.id, number: from.number }, to: { id: to.id, number: to.number }, ...diffForms(from.schema, to.schema) };
  }

  /** The newest published version of the form with this key, or null when none was published. */
  async latestVersion(key: string): Promise<FormVersion | null> {
    return this.store.latestByKey(key);
  }

  /** What the key holds now, or null when no form has it. */
  async stateOf(key: string): Promise<FormState | null> {
    const definition = await this.em.findOne(FormDefinition, { key });
    if (!definition) return null;
    const latest = await this.latestOf(definition.id);
    return {
      id: definition.id,
      builtIn: definition.builtIn,
      latestNumber: latest?.number ?? null,
      latestHash: latest?.contentHash ?? null,
      sourceHash: definition.sourceHash,
      draftPending: contentHash(definition.draft) !== (latest?.contentHash ?? null),
    };
  }

  /** Writes a built-in file over the draft of its form (which it owns). */
  async replaceBuiltInDraft(id: string, name: string, schema: FormSchema): Promise<void> {
    const definition = await this.find(id);
    definition.draft = schema;
    definition.name = name;
    definition.builtIn = true;
    await this.em.flush();
  }

  /** Records which built-in file content the form holds now. */
  async markBuiltInSource(id: string, fileHash: string): Promise<void> {
    const definition = await this.find(id);
    definition.sourceHash = fileHash;
    await this.em.flush();
  }

  private find(id: string): Promise<FormDefinition> {
    return this.store.find(id);
  }

  private findVersion(id: string): Promise<FormVersion> {
    return this.store.findVersion(id);
  }

  private latestOf(definitionId: string): Promise<FormVersion | null> {
    return this.store.latestOf(definitionId);
  }

  private latestNumbers(definitionIds: string[]): Promise<Map<string, number>> {
    return this.store.latestNumbers(definitionIds);
  }
}
