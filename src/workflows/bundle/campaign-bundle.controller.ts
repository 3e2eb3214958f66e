import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CampaignBundleService } from './campaign-bundle.service';

/** The campaign's verification bundle: what `thidua verify` and the /verify page check offline. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('api/v1/campaigns')
export class CampaignBundleController {
  constructor(private readonly bundles: CampaignBundleService) {}

  /** One zip: versions (JSON and PDF), amendments, polls with ballots and results, registrations, statements and signatures, history, manifest. */
  @Get(':id/bundle')
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'A zip file (attachment)', schema: { type: 'string', format: 'binary' } })
  async bundle(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { fileName, bytes } = await this.bundles.export(id);
    return new StreamableFile(Buffer.from(bytes), { type: 'application/zip', disposition: `attachment; filename="${fileName}"`, length: bytes.length });
  }
}
