import { EntityManager, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ActingFor, Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { Clock } from '../calendar/clock';
import { normaliseLine, normaliseParagraphs } from '../documents/content/document-content';
import { DocumentsService } from '../documents/documents.service';
import { Document } from '../documents/entities/document.entity';
import { Mandate } from '../org/entities/mandate.entity';
import { Person } from '../org/entities/person.entity';
import { Unit } from '../org/entities/unit.entity';
import { DISCUSSION_GATE, DiscussionGate } from './discussion-gate';
import { DiscussionNoticesService } from './discussion-notices.service';
import { CreateCommentDto, CreateThreadDto, ThreadListQueryDto } from './dto/discussion-request.dto';
import { CommentDetailDto, CommentDto, CommentRevisionDto, ThreadDetailDto, ThreadDto, ThreadPageDto } from './dto/discussion-response.dto';
import { DiscussionCommentRevision } from './entities/discussion-comment-revision.entity';
import { DiscussionComment } from './entities/discussion-comment.entity';
import { DiscussionThread, ThreadStatus } from './entities/discussion-thread.entity';

/** A person writing in a discussion, and the unit they speak for under which mandate (null: only for themselves). */
export interface Speaker {
  personId: string;
  actingFor: ActingFor | null;
}

const THREAD_RELATIONS = ['createdBy', 'unit', 'resolvedBy'] as const;
const COMMENT_RELATIONS = ['author', 'unit'] as const;

/**
 * Discussion (thảo luận) of a document: threads on a clause of a version or on the whole document, comments and
 * one level of replies, edits that keep every earlier body, and mentions that notify. New threads open only on
 * the latest version; threads on older versions stay readable and open to replies. Nothing is written once the
 * document's discussion has ended (the DiscussionGate the application provides).
 */
@Injectable()
export class DiscussionService {
  constructor(
    private readonly em: EntityManager,
    private readonly documents: DocumentsService,
    private readonly notices: DiscussionNoticesService,
    @Inject(DISCUSSION_GATE) private readonly gate: DiscussionGate,
    @Optional() private readonly clock: Clock = new Clock(),
  ) {}

  /** Threads of a document, newest first; `clauseId: 'document'` for the threads on the whole document. */
  async listThreads(documentId: string, query: ThreadListQueryDto): Promise<ThreadPageDto> {
    await this.documents.get(documentId);
    const where = {
      document: documentId,
      ...(query.version !== undefined && { versionNumber: query.version }),
      ...(query.clauseId !== undefined && { clauseId: query.clauseId === 'document' ? null : query.clauseId }),
      ...(query.status && { status: query.status }),
    };
    const [threads, total] = await this.em.findAndCount(DiscussionThread, where, { populate: THREAD_RELATIONS, orderBy: { createdAt: 'desc', id: 'asc' }, limit: query.limit, offset: query.offset });
    const stats = await this.commentStats(threads.map((thread) => thread.id));
    return { items: threads.map((thread) => ThreadDto.from(thread, stats.get(thread.id) ?? { count: 0, last: null })), total };
  }

  /**
   * A thread on the latest version (or a clause of it), with its first comment.
   * @throws AppError DISCUSSION_VERSION_STALE (409) for an older version; DISCUSSION_CLAUSE_NOT_FOUND (422) for a clause not in it.
   */
  async openThread(documentId: string, body: CreateThreadDto, speaker: Speaker): Promise<ThreadDetailDto> {
    const document = await this.documents.get(documentId);
    const latest = document.latest;
    const versionNumber = body.versionNumber ?? latest.number;
    if (versionNumber > latest.number) throw new AppError('DOCUMENT_VERSION_NOT_FOUND', { title: document.title, number: versionNumber });
    if (versionNumber !== latest.number) {
      throw new AppError('DISCUSSION_VERSION_STALE', { version: versionNumber, latest: latest.number }, { versionNumber, latestVersion: latest.number });
    }
    const clauseId = body.clauseId ?? null;
    if (clauseId !== null && !latest.content.clauses.some((clause) => clause.id === clauseId)) {
      throw new AppError('DISCUSSION_CLAUSE_NOT_FOUND', { version: versionNumber, clause: clauseId }, { versionNumber, clauseId });
    }
    const id = await this.em.transactional(async (em) => {
      await this.gate.assertOpen(em, documentId);
      const now = this.clock.now();
      const thread = em.create(DiscussionThread, {
        document: em.getReference(Document, documentId),
        versionNumber,
        clauseId,
        title: normaliseLine(body.title),
        createdBy: em.getReference(Person, speaker.personId),
        ...this.speakerUnit(em, speaker),
        createdAt: now,
        updatedAt: now,
      });
      await this.writeComment(em, thread, body.body, speaker, null);
      await em.flush();
      return thread.id;
    });
    return this.getThread(id);
  }

  async getThread(id: string): Promise<ThreadDetailDto> {
    const thread = await this.findThread(id);
    const comments = await this.em.find(DiscussionComment, { thread: id }, { populate: COMMENT_RELATIONS, orderBy: { createdAt: 'asc', id: 'asc' } });
    const last = comments.length ? comments[comments.length - 1].createdAt : null;
    return { ...ThreadDto.from(thread, { count: comments.length, last }), comments: comments.map(CommentDto.from) };
  }

  /**
   * Resolves or reopens a thread: the person who opened it, anyone holding a mandate for the unit it was opened for,
   * or an administrator. Idempotent.
   * @throws AppError NOT_THREAD_OWNER (403).
   */
  async setThreadStatus(id: string, status: ThreadStatus, principal: Principal, units: ActingFor[]): Promise<ThreadDetailDto> {
    const thread = await this.findThread(id);
    const allowed = thread.createdBy.id === principal.personId || principal.roles.includes('admin') || (thread.unit !== null && units.some((unit) => unit.unitId === thread.unit!.id));
    if (!allowed) throw new AppError('NOT_THREAD_OWNER');
    if (thread.status !== status) {
      await this.gate.assertOpen(this.em, thread.document.id);
      thread.status = status;
      thread.resolvedAt = status === 'resolved' ? this.clock.now() : null;
      thread.resolvedBy = status === 'resolved' ? this.em.getReference(Person, principal.personId) : null;
      await this.em.flush();
    }
    return this.getThread(id);
  }

  /**
   * A comment or a reply; a reply to a reply answers the same top-level comment (one level of replies).
   * @throws AppError DISCUSSION_THREAD_RESOLVED (409); DISCUSSION_PARENT_INVALID (422) for a parent in another thread.
   */
  async addComment(threadId: string, body: CreateCommentDto, speaker: Speaker): Promise<CommentDto> {
    const thread = await this.findThread(threadId);
    if (thread.status === 'resolved') throw new AppError('DISCUSSION_THREAD_RESOLVED', { title: thread.title });
    let parent: DiscussionComment | null = null;
    if (body.parentId) {
      parent = await this.em.findOne(DiscussionComment, { id: body.parentId, thread: threadId }, { populate: ['parent'] });
      if (!parent) throw new AppError('DISCUSSION_PARENT_INVALID', { title: thread.title }, { parentId: body.parentId });
      parent = parent.parent ?? parent;
    }
    const id = await this.em.transactional(async (em) => {
      const inTransaction = await em.findOneOrFail(DiscussionThread, thread.id);
      await this.gate.assertOpen(em, inTransaction.document.id);
      const comment = await this.writeComment(em, inTransaction, body.body, speaker, parent ? em.getReference(DiscussionComment, parent.id) : null);
      await em.flush();
      return comment.id;
    });
    return CommentDto.from(await this.findComment(id));
  }

  /**
   * A new body for a comment, by its author only; the earlier body is kept as a revision and mentions new in
   * this body notify. An unchanged body changes nothing. `expectedRevision` is the revision count the editor read
   * (by default, the one read here).
   * @throws AppError NOT_COMMENT_AUTHOR (403); COMMENT_EDITED_CONCURRENTLY (409) when another edit won the race.
   */
  async editComment(id: string, newBody: string, personId: string, expectedRevision?: number): Promise<CommentDetailDto> {
    const found = await this.findComment(id);
    if (found.author.id !== personId) throw new AppError('NOT_COMMENT_AUTHOR');
    const body = normaliseParagraphs(newBody);
    // A comment's version is its revision count plus one.
    const expectedVersion = expectedRevision === undefined ? found.version : expectedRevision + 1;
    if (body !== found.body) {
      try {
        await this.em.transactional(async (em) => {
          const comment = await em.findOneOrFail(DiscussionComment, id, { populate: [...COMMENT_RELATIONS, 'thread'] });
          await this.gate.assertOpen(em, comment.thread.document.id);
          if (comment.version !== expectedVersion) throw new OptimisticLockError('edited meanwhile');
          const now = this.clock.now();
          em.create(DiscussionCommentRevision, { comment, number: comment.version, body: comment.body, writtenAt: comment.editedAt ?? comment.createdAt, createdAt: now, updatedAt: now });
          const mentions = await this.notices.mentionsIn(body, em);
          const added = mentions.filter((mention) => !comment.mentions.some((known) => known.kind === mention.kind && known.id === mention.id));
          comment.body = body;
          comment.mentions = mentions;
          comment.editedAt = now;
          this.notices.notify(em, comment.thread, comment, added);
          await em.flush();
        });
      } catch (cause) {
        if (cause instanceof OptimisticLockError || cause instanceof UniqueConstraintViolationException) throw new AppError('COMMENT_EDITED_CONCURRENTLY', {}, { id });
        throw cause;
      }
    }
    return this.getComment(id);
  }

  /** A comment with every earlier body, oldest first. */
  async getComment(id: string): Promise<CommentDetailDto> {
    const comment = await this.findComment(id);
    const revisions = await this.em.find(DiscussionCommentRevision, { comment: id }, { orderBy: { number: 'asc' } });
    return { ...CommentDto.from(comment), revisions: revisions.map(CommentRevisionDto.from) };
  }

  private speakerUnit(em: EntityManager, speaker: Speaker): { unit: Unit | null; mandate: Mandate | null } {
    if (!speaker.actingFor) return { unit: null, mandate: null };
    return { unit: em.getReference(Unit, speaker.actingFor.unitId), mandate: em.getReference(Mandate, speaker.actingFor.mandateId) };
  }

  /** Writes a comment and the notices of its mentions (flushed by the caller); `thread` belongs to `em`. */
  private async writeComment(em: EntityManager, thread: DiscussionThread, text: string, speaker: Speaker, parent: DiscussionComment | null): Promise<DiscussionComment> {
    const body = normaliseParagraphs(text);
    const mentions = await this.notices.mentionsIn(body, em);
    // Loaded rather than referenced: the notices name the author and their unit.
    const author = await em.findOneOrFail(Person, speaker.personId);
    const unit = speaker.actingFor ? await em.findOneOrFail(Unit, speaker.actingFor.unitId) : null;
    const mandate = speaker.actingFor ? em.getReference(Mandate, speaker.actingFor.mandateId) : null;
    const now = this.clock.now();
    const comment = em.create(DiscussionComment, { thread, body, author, unit, mandate, parent, mentions, createdAt: now, updatedAt: now });
    this.notices.notify(em, thread, comment, mentions);
    return comment;
  }

  private async commentStats(threadIds: string[]): Promise<Map<string, { count: number; last: Date | null }>> {
    const stats = new Map<string, { count: number; last: Date | null }>();
    if (!threadIds.length) return stats;
    const comments = await this.em.find(DiscussionComment, { thread: { $in: threadIds } }, { fields: ['thread', 'createdAt'] });
    for (const comment of comments) {
      const stat = stats.get(comment.thread.id) ?? { count: 0, last: null };
      stats.set(comment.thread.id, { count: stat.count + 1, last: !stat.last || comment.createdAt > stat.last ? comment.createdAt : stat.last });
    }
    return stats;
  }

  private async findThread(id: string): Promise<DiscussionThread> {
    const thread = await this.em.findOne(DiscussionThread, { id }, { populate: THREAD_RELATIONS });
    if (!thread) throw new AppError('DISCUSSION_THREAD_NOT_FOUND', { id });
    return thread;
  }

  private async findComment(id: string): Promise<DiscussionComment> {
    const comment = await this.em.findOne(DiscussionComment, { id }, { populate: COMMENT_RELATIONS });
    if (!comment) throw new AppError('DISCUSSION_COMMENT_NOT_FOUND', { id });
    return comment;
  }
}
