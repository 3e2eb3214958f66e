import { EntityManager } from '@mikro-orm/core';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CurrentPrincipal } from '../../common/auth/auth.decorators';
import { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { Clock } from '../../modules/calendar/clock';
import { PrincipalService } from '../../modules/auth/principal.service';
import { Notification } from '../engine/entities/notification.entity';

export class NotificationsQuery {
  @ApiPropertyOptional({ description: 'Only unread notices' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  unread?: boolean;
}

export class NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['reminder', 'deadline', 'escalation', 'returned', 'discussion', 'amendment', 'vote', 'result'] }) kind!: string;
  @ApiProperty({ example: { vi: 'Nhắc việc…', en: 'Reminder…' } }) message!: { vi: string; en: string };
  @ApiProperty() campaignId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) taskId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) unitId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) readAt!: string | null;
}

/** In-app notices (reminders, deadlines, escalations) for the caller and the units they hold mandates for. */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(
    private readonly em: EntityManager,
    private readonly principals: PrincipalService,
    private readonly clock: Clock,
  ) {}

  private async scope(personId: string) {
    const unitIds = (await this.principals.validMandates(personId)).map((m) => m.unit.id);
    return { $or: [{ person: personId }, ...(unitIds.length ? [{ unit: { $in: unitIds } }] : [])] };
  }

  /** The notices of the signed-in person and their units (reminders, deadlines, returns…), newest first; `unread` keeps the unread ones. */
  @Get()
  @ApiOkResponse({ type: [NotificationDto] })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: NotificationsQuery): Promise<NotificationDto[]> {
    const notices = await this.em.fork().find(
      Notification,
      { ...(await this.scope(principal.personId)), ...(query.unread ? { readAt: null } : {}) },
      { orderBy: { createdAt: 'desc' }, limit: 200 },
    );
    return notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      message: { vi: n.message.vi, en: n.message.en },
      campaignId: n.campaign.id,
      taskId: n.task?.id ?? null,
      unitId: n.unit?.id ?? null,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    }));
  }

  /** Marks one notice as read. */
  @Post(':id/read')
  @HttpCode(204)
  async markRead(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    const updated = await this.em.fork().nativeUpdate(Notification, { id, ...(await this.scope(principal.personId)) }, { readAt: this.clock.now() });
    if (!updated) throw new AppError('NOTIFICATION_NOT_FOUND', { id });
  }
}
