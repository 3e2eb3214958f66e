import { Module } from '@nestjs/common';
import { WebModule } from '../../web/web.module';
import { VerifyPageController } from './verify-page.controller';

/** The signing feature's public page: verifying a bundle. */
@Module({
  imports: [WebModule],
  controllers: [VerifyPageController],
})
export class SigningWebModule {}
