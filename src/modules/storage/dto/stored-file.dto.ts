import { ApiProperty } from '@nestjs/swagger';
import type { StoredFile } from '../stored-file.entity';

/** An uploaded file as the API shows it: never where it is stored. */
export class StoredFileDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Báo cáo tổng kết 2020.pdf' }) originalName!: string;
  @ApiProperty({ example: 'application/pdf', description: 'Detected from the content' }) mediaType!: string;
  @ApiProperty({ example: 183204 }) sizeBytes!: number;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;

  static from(file: StoredFile): StoredFileDto {
    return { id: file.id, originalName: file.originalName, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256, uploadedAt: file.uploadedAt.toISOString() };
  }
}
