import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '../../config/app-config';
import { FILE_STORAGE } from './file-storage';
import { LocalDiskStorage } from './local-disk-storage';
import { StoredFile } from './stored-file.entity';
import { StoredFilesService } from './stored-files.service';

/**
 * Uploaded files (evidence): StoredFilesService and the FileStorage behind it, local disk under STORAGE_DIR by
 * default. Import it, inject StoredFilesService, and use `UploadEvidence()` and `sendFile()` in controllers.
 */
@Module({
  imports: [MikroOrmModule.forFeature([StoredFile])],
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => new LocalDiskStorage(config.get('storage', { infer: true }).directory),
    },
    StoredFilesService,
  ],
  exports: [StoredFilesService, FILE_STORAGE],
})
export class StorageModule {}
