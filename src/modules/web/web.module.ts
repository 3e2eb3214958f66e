import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PageSessionService } from './page-session.service';
import { WebController } from './web.controller';

/** Server-rendered pages: a small shell (layout, language switch, sign-in, home) built from typed functions, no template engine. */
@Module({
  imports: [AuthModule],
  controllers: [WebController],
  providers: [PageSessionService],
})
export class WebModule {}
