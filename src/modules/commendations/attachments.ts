import { ApiProperty } from '@nestjs/swagger';
import { AppError } from '../../common/errors/app-error';
import type { StoredFile } from '../storage/stored-file.entity';

/** A file attached to an application or a nomination (its bytes kept by StoredFilesService). */
export interface Attachment {
  fileId: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
}

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) fileId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty() sizeBytes!: number;
}

/** Files a dossier may carry (a description, drawings, a report of its use, photographs). */
export const MAX_ATTACHMENTS = 10;

/**
 * The list with the stored file added: once (the same content uploaded again is the same file), at most
 * MAX_ATTACHMENTS. @throws AppError ATTACHMENTS_FULL.
 */
export function withAttachment(list: Attachment[], stored: StoredFile): Attachment[] {
  if (list.some((attachment) => attachment.fileId === stored.id)) return list;
  if (list.length >= MAX_ATTACHMENTS) throw new AppError('ATTACHMENTS_FULL', { limit: MAX_ATTACHMENTS }, { path: 'file' });
  return [...list, { fileId: stored.id, name: stored.originalName, mediaType: stored.mediaType, sizeBytes: stored.sizeBytes }];
}
