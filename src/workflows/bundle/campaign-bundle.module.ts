import { Module } from '@nestjs/common';
import { DocumentsModule } from '../../modules/documents/documents.module';
import { CampaignBundleController } from './campaign-bundle.controller';
import { CampaignBundleService } from './campaign-bundle.service';

/** The campaign's verification bundle; documents lend it the versions' PDFs, signature page included. */
@Module({
  imports: [DocumentsModule],
  controllers: [CampaignBundleController],
  providers: [CampaignBundleService],
})
export class CampaignBundleModule {}
