import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable, Optional } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { contentHash } from '../../common/hashing/canonical-json';
import { Clock } from '../calendar/clock';
import { Person } from '../org/entities/person.entity';
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
  constructor(
    private readonly em: EntityManager,
    // The app-wide clock when the calendar module is loaded; the CLI has none and uses real time.
    @Optional() private readonly clock: Clock = new Clock(),
  ) {}

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
   * Freezes the draft as the next version; when the draft is exactly the latest version nothing is
   * created and that version is returned. Two publishers racing for the same number: the loser retries once.
   */
  async publish(id: string, publisherId: string | null): Promise<PublishResultDto> {
    const definition = await this.find(id);
    const problems = this.problemsOf(definition.draft);
    if (problems.length) throw new AppError('FORM_INVALID', { count: problems.length }, problems);
    const schema = definition.draft;
    const hash = contentHash(schema);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.publishOnce(definition.id, schema, hash, publisherId);
        return { created: result.created, version: VersionSummaryDto.from(result.version) };
      } catch (cause) {
        if (!(cause instanceof UniqueConstraintViolationException)) throw cause;
        if (attempt === 2) throw new AppError('FORM_PUBLISH_CONFLICT', { key: definition.key });
      }
    }
  }

  async listVersions(id: string): Promise<VersionListDto> {
    const definition = await this.find(id);
    const versions = await this.em.find(FormVersion, { definition }, { populate: ['definition', 'publishedBy'], orderBy: { number: 'desc' } });
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
    return this.em.findOne(FormVersion, { definition: { key } }, { populate: ['definition'], orderBy: { number: 'desc' } });
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

  private async publishOnce(definitionId: string, schema: FormSchema, hash: string, publisherId: string | null) {
    return this.em.transactional(async (em) => {
      // The hash is looked up first: under read committed, a racing publisher's version may appear between two reads.
      const same = await em.findOne(FormVersion, { definition: definitionId, contentHash: hash }, { populate: ['definition', 'publishedBy'] });
      if (same) {
        // (definition, contentHash) is unique too: an earlier content cannot come back as a new number.
        const newer = await em.count(FormVersion, { definition: definitionId, number: { $gt: same.number } });
        if (newer) throw new AppError('FORM_CONTENT_PUBLISHED', { number: same.number }, { versionId: same.id, number: same.number });
        return { version: same, created: false };
      }
      const latest = await em.findOne(FormVersion, { definition: definitionId }, { orderBy: { number: 'desc' } });
      const version = em.create(FormVersion, {
        definition: await em.findOneOrFail(FormDefinition, definitionId),
        number: (latest?.number ?? 0) + 1,
        schema,
        contentHash: hash,
        publishedBy: publisherId ? await em.findOneOrFail(Person, publisherId) : null,
        publishedAt: this.clock.now(),
      });
      await em.flush();
      return { version, created: true };
    });
  }

  private async find(id: string): Promise<FormDefinition> {
    const definition = await this.em.findOne(FormDefinition, { id });
    if (!definition) throw new AppError('FORM_NOT_FOUND', { id });
    return definition;
  }

  private async findVersion(id: string): Promise<FormVersion> {
    const version = await this.em.findOne(FormVersion, { id }, { populate: ['definition', 'publishedBy'] });
    if (!version) throw new AppError('FORM_VERSION_NOT_FOUND', { id });
    return version;
  }

  private latestOf(definitionId: string): Promise<FormVersion | null> {
    return this.em.findOne(FormVersion, { definition: definitionId }, { orderBy: { number: 'desc' } });
  }

  private async latestNumbers(definitionIds: string[]): Promise<Map<string, number>> {
    if (!definitionIds.length) return new Map();
    const versions = await this.em.find(FormVersion, { definition: { $in: definitionIds } }, { fields: ['number', 'definition'] });
    const latest = new Map<string, number>();
    for (const v of versions) latest.set(v.definition.id, Math.max(latest.get(v.definition.id) ?? 0, v.number));
    return latest;
  }
}
