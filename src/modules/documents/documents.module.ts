import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { DocumentVersion } from './entities/document-version.entity';
import { Document } from './entities/document.entity';

/** Documents (pacts) and their immutable versions: creation, amendment merges, diffs, Markdown and PDF. */
@Module({
  imports: [MikroOrmModule.forFeature([Document, DocumentVersion]), FormsModule, IdempotencyModule],
  controllers: [DocumentsController],
  providers: [DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsModule {}
