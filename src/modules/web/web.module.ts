import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CsrfModule } from '../csrf/csrf.module';
import { PageNavigation } from './page-navigation';
import { PageSessionService } from './page-session.service';
import { WebController } from './web.controller';

/** Server-rendered pages: a small shell (layout, language switch, sign-in, home) built from typed functions, no template engine. */
@Module({
  imports: [AuthModule, CsrfModule],
  controllers: [WebController],
  providers: [PageSessionService, PageNavigation],
  // Feature pages (e.g. the workflow pages) resolve the session, add header links and put CSRF tokens in their forms through these.
  exports: [PageSessionService, PageNavigation, CsrfModule],
})
export class WebModule {}
