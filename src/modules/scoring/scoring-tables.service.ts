import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable, Optional } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { Clock } from '../calendar/clock';
import { FormVersion } from '../forms/entities/form-version.entity';
import { FormsService } from '../forms/forms.service';
import { VersionedDocumentStore } from '../versioning/versioned-document-store';
import { ScoringTableDefinition } from './entities/scoring-table-definition.entity';
import { ScoringTableVersion } from './entities/scoring-table-version.entity';
import type { ScoringTableDocument } from './table/scoring-table';
import { scoringTableForm } from './table/table-form';
import { textIn } from './table/table-text';
import { validateScoringTable } from './table/validate-scoring-table';

/** The form key of a table's generated score sheet. */
export const sheetFormKeyOf = (tableKey: string): string => `scoring/${tableKey}`;

export interface PublishTableOptions {
  /** Loaded from `scoring/<key>.table.json` (the built-in sync). */
  builtIn?: boolean;
}

/**
 * Scoring tables (bảng chấm điểm) by key, frozen into numbered immutable versions by the shared versioned-document
 * store. Each version comes with its score sheet: a Form.io form `scoring/<key>` generated from the table and
 * published through FormsService, so that sheets use the forms' renderer, server validation and drafts.
 */
@Injectable()
export class ScoringTablesService {
  private readonly store: VersionedDocumentStore<ScoringTableDefinition, ScoringTableVersion>;

  constructor(
    private readonly em: EntityManager,
    private readonly forms: FormsService,
    // The app-wide clock when the calendar module is loaded; the CLI has none and uses real time.
    @Optional() clock: Clock = new Clock(),
  ) {
    this.store = new VersionedDocumentStore(em, clock, {
      definition: ScoringTableDefinition,
      version: ScoringTableVersion,
      contentProperty: 'document',
      codes: {
        definitionNotFound: 'SCORING_TABLE_NOT_FOUND',
        versionNotFound: 'SCORING_TABLE_VERSION_NOT_FOUND',
        contentPublished: 'SCORING_TABLE_CONTENT_PUBLISHED',
        publishConflict: 'SCORING_TABLE_PUBLISH_CONFLICT',
      },
    });
  }

  /** Every table by key, with its latest version number. */
  async list(): Promise<Array<{ definition: ScoringTableDefinition; latest: number | null }>> {
    const definitions = await this.em.find(ScoringTableDefinition, {}, { orderBy: { key: 'asc' } });
    const latest = await this.store.latestNumbers(definitions.map((d) => d.id));
    return definitions.map((definition) => ({ definition, latest: latest.get(definition.id) ?? null }));
  }

  /** The definition of a key, or null. */
  definitionOf(key: string): Promise<ScoringTableDefinition | null> {
    return this.em.findOne(ScoringTableDefinition, { key });
  }

  /** The newest version of the table with this key (definition, publisher and sheet form loaded), or null. */
  async latestByKey(key: string): Promise<ScoringTableVersion | null> {
    const latest = await this.store.latestByKey(key);
    if (latest) await this.em.populate(latest, ['publishedBy', 'sheetForm']);
    return latest;
  }

  /** A version by id, with definition, publisher and sheet form; 404 SCORING_TABLE_VERSION_NOT_FOUND. */
  async findVersion(id: string): Promise<ScoringTableVersion> {
    const version = await this.store.findVersion(id);
    await this.em.populate(version, ['sheetForm']);
    return version;
  }

  /** Newest first; 404 SCORING_TABLE_NOT_FOUND for an unknown key. */
  async versionsOf(key: string): Promise<ScoringTableVersion[]> {
    const definition = await this.definitionOf(key);
    if (!definition) throw new AppError('SCORING_TABLE_NOT_FOUND', { key });
    const versions = await this.store.versionsOf(definition);
    await this.em.populate(versions, ['sheetForm']);
    return versions;
  }

  /**
   * Publishes a document as the next version of the table `key` (created on first use), with its sheet form; the
   * latest version again when the content is the same (created: false). 422 SCORING_TABLE_INVALID with every
   * problem ({ path, code, message }) in `details`; 409 SCORING_TABLE_CONTENT_PUBLISHED for an earlier content.
   */
  async publish(key: string, document: unknown, publisherId: string | null, options: PublishTableOptions = {}): Promise<{ version: ScoringTableVersion; created: boolean }> {
    const problems = validateScoringTable(document);
    if (problems.length) throw new AppError('SCORING_TABLE_INVALID', { count: problems.length }, problems);
    const table = document as ScoringTableDocument;
    const name = textIn(table.name, 'vi').slice(0, 255);
    const definition = await this.ensureDefinition(key, name, options.builtIn ?? false);
    const result = await this.store.publish(definition, table, publisherId);
    // The definition is named after its latest version (not after a refused one).
    if (result.created && definition.name !== name) {
      definition.name = name;
      await this.em.flush();
    }
    // Read again in this entity manager: the store wrote it in a transaction of its own.
    const version = await this.em.findOneOrFail(ScoringTableVersion, result.version.id, { populate: ['definition', 'publishedBy', 'sheetForm'] });
    if (!version.sheetForm) {
      version.sheetForm = await this.publishSheetForm(key, table);
      await this.em.flush();
    }
    return { version, created: result.created };
  }

  /** Records which built-in file content the table holds now. */
  async markBuiltInSource(key: string, fileHash: string): Promise<void> {
    const definition = await this.definitionOf(key);
    if (!definition) throw new AppError('SCORING_TABLE_NOT_FOUND', { key });
    definition.sourceHash = fileHash;
    definition.builtIn = true;
    await this.em.flush();
  }

  private async ensureDefinition(key: string, name: string, builtIn: boolean): Promise<ScoringTableDefinition> {
    const existing = await this.definitionOf(key);
    if (existing) return existing;
    const created = this.em.create(ScoringTableDefinition, { key, name, builtIn });
    try {
      await this.em.flush();
      return created;
    } catch (cause) {
      // Two first publications of one key: the unique key decides, the loser uses the winner's row.
      if (!(cause instanceof UniqueConstraintViolationException)) throw cause;
      this.em.clear();
      return this.em.findOneOrFail(ScoringTableDefinition, { key });
    }
  }

  /**
   * The sheet form of a version: the generated schema as the draft of form `scoring/<key>`, published. Content the
   * form already holds in its latest version publishes nothing; content of an earlier form version reuses that one.
   */
  private async publishSheetForm(key: string, table: ScoringTableDocument): Promise<FormVersion> {
    const formKey = sheetFormKeyOf(key);
    const schema = scoringTableForm(table, key);
    const name = `Phiếu chấm điểm: ${textIn(table.name, 'vi')}`.slice(0, 255);
    const state = await this.forms.stateOf(formKey);
    const formId = state ? state.id : (await this.forms.create({ key: formKey, name, schema }, true)).id;
    if (state) await this.forms.replaceBuiltInDraft(formId, name, schema);
    try {
      const published = await this.forms.publish(formId, null);
      return this.em.getReference(FormVersion, published.version.id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'FORM_CONTENT_PUBLISHED') {
        return this.em.getReference(FormVersion, (error.details as { versionId: string }).versionId);
      }
      throw error;
    }
  }
}
