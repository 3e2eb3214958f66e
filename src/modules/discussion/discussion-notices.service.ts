import { EntityManager } from '@mikro-orm/core';
import { Injectable, Optional } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import type { Text } from '../../common/i18n/language';
import { Clock } from '../calendar/clock';
import { Person } from '../org/entities/person.entity';
import { Unit } from '../org/entities/unit.entity';
import { NoticeDto, NoticePageDto } from './dto/discussion-response.dto';
import { NoticeListQueryDto } from './dto/discussion-request.dto';
import type { DiscussionComment, Mention } from './entities/discussion-comment.entity';
import { DiscussionNotice } from './entities/discussion-notice.entity';
import type { DiscussionThread } from './entities/discussion-thread.entity';
import { mentionedNames, resolveMentions } from './mentions';

const NOTICE_RELATIONS = ['recipientUnit', 'recipientPerson', 'thread', 'readBy'] as const;

function noticeMessage(comment: DiscussionComment, thread: DiscussionThread, mention: Mention): Text {
  const speaker = `${comment.author.fullName}${comment.unit ? ` (${comment.unit.code})` : ''}`;
  return mention.kind === 'unit'
    ? { vi: `${speaker} đã nhắc đến đơn vị ${mention.code} trong chủ đề thảo luận "${thread.title}".`, en: `${speaker} mentioned unit ${mention.code} in the discussion thread "${thread.title}".` }
    : { vi: `${speaker} đã nhắc đến bạn trong chủ đề thảo luận "${thread.title}".`, en: `${speaker} mentioned you in the discussion thread "${thread.title}".` };
}

/** Mentions in comments (`@VKS-QBI`, `@hatinh.canbo`) and the notices they leave for the units and people named. */
@Injectable()
export class DiscussionNoticesService {
  constructor(
    private readonly em: EntityManager,
    @Optional() private readonly clock: Clock = new Clock(),
  ) {}

  /** The mentions of a body that name an existing (not archived) unit or person. */
  async mentionsIn(body: string, em: EntityManager = this.em): Promise<Mention[]> {
    const names = mentionedNames(body);
    if (!names.length) return [];
    const units = await em.find(Unit, { code: { $in: names }, archivedAt: null }, { fields: ['id', 'code'] });
    const people = await em.find(Person, { username: { $in: names.map((name) => name.toLowerCase()) }, archivedAt: null }, { fields: ['id', 'username'] });
    return resolveMentions(names, new Map(units.map((unit) => [unit.code, unit.id])), new Map(people.map((person) => [person.username, person.id])));
  }

  /**
   * One notice per mention, except the author and the unit they spoke for (they know). Persisted with the
   * caller's flush, so a comment and its notices are written together. Needs the comment's `author` and `unit`.
   */
  notify(em: EntityManager, thread: DiscussionThread, comment: DiscussionComment, mentions: Mention[]): void {
    const writtenAt = comment.editedAt ?? comment.createdAt;
    for (const mention of mentions) {
      if (mention.kind === 'person' && mention.id === comment.author.id) continue;
      if (mention.kind === 'unit' && mention.id === comment.unit?.id) continue;
      em.create(DiscussionNotice, {
        ...(mention.kind === 'unit' ? { recipientUnit: em.getReference(Unit, mention.id) } : { recipientPerson: em.getReference(Person, mention.id) }),
        thread,
        comment,
        message: noticeMessage(comment, thread, mention),
        createdAt: writtenAt,
        updatedAt: writtenAt,
      });
    }
  }

  /** The caller's notices and those of the units they hold a mandate for, newest first. */
  async list(personId: string, unitIds: string[], query: NoticeListQueryDto): Promise<NoticePageDto> {
    const where = { $or: [{ recipientPerson: personId }, ...(unitIds.length ? [{ recipientUnit: { $in: unitIds } }] : [])], ...(query.unread && { readAt: null }) };
    const [notices, total] = await this.em.findAndCount(DiscussionNotice, where, { populate: NOTICE_RELATIONS, orderBy: { createdAt: 'desc', id: 'asc' }, limit: query.limit, offset: query.offset });
    return { items: notices.map(NoticeDto.from), total };
  }

  /**
   * Marks a notice read (once: reading again keeps the first time and reader). Someone else's notice is
   * answered as not found, so that ids do not reveal who was mentioned.
   */
  async read(id: string, personId: string, unitIds: string[]): Promise<NoticeDto> {
    const notice = await this.em.findOne(DiscussionNotice, { id }, { populate: NOTICE_RELATIONS });
    const mine = notice && (notice.recipientPerson?.id === personId || (notice.recipientUnit !== null && unitIds.includes(notice.recipientUnit.id)));
    if (!notice || !mine) throw new AppError('DISCUSSION_NOTICE_NOT_FOUND', { id });
    if (!notice.readAt) {
      const now = this.clock.now();
      await this.em.nativeUpdate(DiscussionNotice, { id, readAt: null }, { readAt: now, readBy: personId, updatedAt: now });
      await this.em.refresh(notice, { populate: NOTICE_RELATIONS });
    }
    return NoticeDto.from(notice);
  }
}
