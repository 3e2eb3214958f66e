import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CsrfProtection } from './csrf-protection';
import { CsrfSessionResolver } from './csrf-session-resolver.service';
import { CsrfTokens } from './csrf-tokens.service';

/**
 * CSRF tokens for the pages and the protection middleware that checks them; bootstrap installs
 * `CsrfProtection.middleware` ahead of every route.
 */
@Module({
  imports: [AuthModule],
  providers: [CsrfTokens, CsrfSessionResolver, CsrfProtection],
  exports: [CsrfTokens, CsrfProtection],
})
export class CsrfModule {}
