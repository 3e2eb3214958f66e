import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { RefreshToken } from './refresh-token.entity';
import { RefreshTokenPurgeService } from './refresh-token-purge.service';

/** Refresh-token housekeeping, without the HTTP side of auth, for the worker role. */
@Module({
  imports: [MikroOrmModule.forFeature([RefreshToken])],
  providers: [RefreshTokenPurgeService],
  exports: [RefreshTokenPurgeService],
})
export class RefreshTokenModule {}
