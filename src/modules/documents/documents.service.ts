import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable, Optional } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import type { Language } from '../../common/i18n/language';
import { Clock } from '../calendar/clock';
import { FormsService } from '../forms/forms.service';
import { Person } from '../org/entities/person.entity';
import { Amendment, mergeAmendments } from './content/amendment-merge';
import { documentHash, fromPactDraft, normaliseContent } from './content/document-content';
import { changelogEntries, diffVersions } from './content/document-diff';
import { toMarkdown } from './content/document-markdown';
import { downloadName } from './download-name';
import { toPdf, VersionSignatureSource } from './document-pdf';
import { AddDocumentVersionDto, CreateDocumentDto, DocumentListQueryDto } from './dto/document-request.dto';
import { DocumentDiffDto, DocumentDto, DocumentPageDto, DocumentSummaryDto, DocumentVersionDto, DocumentVersionSummaryDto } from './dto/document-response.dto';
import { DocumentChangelog, DocumentVersion } from './entities/document-version.entity';
import { Document } from './entities/document.entity';
import { movementLabelsOf, PACT_DRAFT_FORM_KEY } from './pact-draft-labels';

/** A rendered version, ready to download. */
export interface DocumentFile {
  /** ASCII file name, e.g. `giao-uoc-thi-dua-nam-2020-cua-cum-thi-dua-so-6-v1.md`. */
  filename: string;
  body: Buffer;
}

const VERSION_RELATIONS = ['document', 'basedOn', 'createdBy'] as const;

/**
 * Documents (văn bản) and their immutable versions. A new version comes only from accepted amendments merged
 * into the latest version; the unique (document, number) constraint decides between merges that race.
 */
@Injectable()
export class DocumentsService {
  private signatures?: VersionSignatureSource;

  constructor(
    private readonly em: EntityManager,
    private readonly forms: FormsService,
    @Optional() private readonly clock: Clock = new Clock(),
  ) {}

  async list(query: DocumentListQueryDto): Promise<DocumentPageDto> {
    const where = { ...(query.clusterId && { clusterId: query.clusterId }), ...(query.campaignId && { campaignId: query.campaignId }) };
    const [documents, total] = await this.em.findAndCount(Document, where, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: query.limit, offset: query.offset });
    const latest = await this.latestVersions(documents.map((document) => document.id));
    return { items: documents.flatMap((document) => (latest.has(document.id) ? [DocumentSummaryDto.from(document, latest.get(document.id)!)] : [])), total };
  }

  async get(id: string): Promise<DocumentDto> {
    const document = await this.find(id);
    const versions = await this.em.find(DocumentVersion, { document }, { populate: VERSION_RELATIONS, orderBy: { number: 'desc' } });
    return { ...DocumentSummaryDto.from(document, versions[0]), latest: DocumentVersionDto.from(versions[0]), versions: versions.map(DocumentVersionSummaryDto.from) };
  }

  /**
   * A new document with version 1, from a DocumentContent or from the data of a `pact/pact-draft` submission.
   * Movement labels come from the latest published version of that form, when there is one.
   * @throws AppError DOCUMENT_SOURCE_INVALID unless exactly one source is given; DOCUMENT_CONTENT_INVALID with every problem.
   */
  async create(body: CreateDocumentDto, personId: string | null): Promise<DocumentDto> {
    if ((body.content === undefined) === (body.pactDraft === undefined)) throw new AppError('DOCUMENT_SOURCE_INVALID');
    const content = body.content !== undefined ? normaliseContent(body.content) : fromPactDraft(body.pactDraft, await this.pactDraftLabels());
    const id = await this.em.transactional(async (em) => {
      const now = this.clock.now();
      const document = em.create(Document, { title: body.title?.trim() || content.title, clusterId: body.clusterId ?? null, campaignId: body.campaignId ?? null, createdAt: now, updatedAt: now });
      em.create(DocumentVersion, {
        document,
        number: 1,
        content,
        contentHash: documentHash(content),
        changelog: { amendments: [], changes: [] },
        createdBy: personId ? em.getReference(Person, personId) : null,
        createdAt: now,
        updatedAt: now,
      });
      await em.flush();
      return document.id;
    });
    return this.get(id);
  }

  /**
   * The next version: the accepted amendments merged into `baseVersion`, which must still be the latest,
   * so that two merges from the same base can never fork the document.
   * @throws AppError DOCUMENT_VERSION_STALE when the base is not (or no longer) the latest; DOCUMENT_CONTENT_EXISTS
   *   when the result equals an existing version; AMENDMENT_INVALID, AMENDMENT_TARGET_MISSING, AMENDMENT_CONFLICT from the merge.
   */
  async addVersion(id: string, body: AddDocumentVersionDto, personId: string | null): Promise<DocumentVersionDto> {
    const document = await this.find(id);
    const amendments: Amendment[] = body.amendments.map((amendment) => ({ ...amendment }));
    const order = body.order ?? amendments.map((amendment) => amendment.id);
    try {
      const versionId = await this.em.transactional(async (em) => {
        const latest = await em.findOneOrFail(DocumentVersion, { document: document.id }, { orderBy: { number: 'desc' } });
        if (body.baseVersion > latest.number) throw new AppError('DOCUMENT_VERSION_NOT_FOUND', { title: document.title, number: body.baseVersion });
        if (body.baseVersion !== latest.number) throw this.stale(body.baseVersion, latest.number);
        const { content, changelog } = mergeAmendments(latest.content, amendments, order);
        const hash = documentHash(content);
        const same = await em.findOne(DocumentVersion, { document: document.id, contentHash: hash });
        if (same) throw new AppError('DOCUMENT_CONTENT_EXISTS', { number: same.number }, { number: same.number, contentHash: hash });
        const now = this.clock.now();
        const version = em.create(DocumentVersion, {
          document: em.getReference(Document, document.id),
          number: latest.number + 1,
          content,
          contentHash: hash,
          changelog: { amendments: changelog, changes: changelogEntries(diffVersions(latest.content, content)) } satisfies DocumentChangelog,
          basedOn: latest,
          createdBy: personId ? em.getReference(Person, personId) : null,
          createdAt: now,
          updatedAt: now,
        });
        await em.flush();
        return version.id;
      });
      return DocumentVersionDto.from(await this.em.findOneOrFail(DocumentVersion, versionId, { populate: VERSION_RELATIONS }));
    } catch (cause) {
      // Another merge from the same base committed first: its number (or hash) is taken, and this base is now stale.
      if (cause instanceof UniqueConstraintViolationException) throw this.stale(body.baseVersion, body.baseVersion + 1);
      throw cause;
    }
  }

  async getVersion(id: string, number: number): Promise<DocumentVersionDto> {
    return DocumentVersionDto.from(await this.findVersion(id, number));
  }

  /** Clause and word-level changes from version `from` to version `to` of one document, with a readable changelog. */
  async diff(id: string, from: number, to: number): Promise<DocumentDiffDto> {
    const [before, after] = [await this.findVersion(id, from), await this.findVersion(id, to)];
    const diff = diffVersions(before.content, after.content);
    return DocumentDiffDto.from(before, after, diff, changelogEntries(diff));
  }

  async markdown(id: string, number: number, language: Language): Promise<DocumentFile> {
    const version = await this.findVersion(id, number);
    const text = toMarkdown(version.content, { version: version.number, hash: version.contentHash, language });
    return { filename: downloadName(version.content.title, version.number, 'md'), body: Buffer.from(text, 'utf8') };
  }

  /**
   * Lets the PDFs show who signed each version. The signing module, which depends on documents, lends its source when
   * it starts; without it (a worker, a test of documents alone) PDFs have no signature page.
   */
  useSignatureSource(source: VersionSignatureSource): void {
    this.signatures = source;
  }

  /**
   * The PDF of a version, with a signature page once units have signed it; its dates are the version's and the
   * signing's, so the same version and signatures always give the same file.
   */
  async pdf(id: string, number: number, language: Language): Promise<DocumentFile> {
    const version = await this.findVersion(id, number);
    const signatures = (await this.signatures?.signaturePage(version.id)) ?? undefined;
    const body = await toPdf(version.content, { version: version.number, hash: version.contentHash, createdAt: version.createdAt, language, signatures });
    return { filename: downloadName(version.content.title, version.number, 'pdf'), body };
  }

  private stale(base: number, latest: number): AppError {
    return new AppError('DOCUMENT_VERSION_STALE', { base, latest }, { baseVersion: base, latestVersion: latest });
  }

  private async pactDraftLabels() {
    const form = await this.forms.latestVersion(PACT_DRAFT_FORM_KEY);
    return movementLabelsOf(form?.schema);
  }

  private async find(id: string): Promise<Document> {
    const document = await this.em.findOne(Document, { id });
    if (!document) throw new AppError('DOCUMENT_NOT_FOUND', { id });
    return document;
  }

  private async findVersion(id: string, number: number): Promise<DocumentVersion> {
    const version = await this.em.findOne(DocumentVersion, { document: id, number }, { populate: VERSION_RELATIONS });
    if (version) return version;
    const document = await this.find(id);
    throw new AppError('DOCUMENT_VERSION_NOT_FOUND', { title: document.title, number });
  }

  private async latestVersions(documentIds: string[]): Promise<Map<string, DocumentVersion>> {
    if (!documentIds.length) return new Map();
    const versions = await this.em.find(DocumentVersion, { document: { $in: documentIds } }, { populate: VERSION_RELATIONS, orderBy: { number: 'asc' } });
    return new Map(versions.map((version) => [version.document.id, version]));
  }
}
