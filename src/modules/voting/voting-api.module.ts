import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { PollsController } from './polls.controller';
import { VotingModule } from './voting.module';

/** The polls API (`/api/v1/polls`); kept apart from VotingModule so that the worker can import that without HTTP. */
@Module({
  imports: [VotingModule, AuthModule, IdempotencyModule],
  controllers: [PollsController],
  exports: [VotingModule],
})
export class VotingApiModule {}
