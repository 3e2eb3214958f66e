import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { BallotWriter } from './ballot-writer.service';
import { BallotRecord } from './entities/ballot-record.entity';
import { Ballot } from './entities/ballot.entity';
import { OfflineMeeting } from './entities/offline-meeting.entity';
import { Poll } from './entities/poll.entity';
import { OfflineBallotsService } from './offline-ballots.service';
import { PollsService } from './polls.service';

/**
 * Polls, ballots and their tally, without HTTP: the workflow engine's vote stage imports this module (in the
 * API and in the worker) and calls PollsService.
 */
@Module({
  imports: [MikroOrmModule.forFeature([Poll, Ballot, BallotRecord, OfflineMeeting])],
  providers: [BallotWriter, OfflineBallotsService, PollsService],
  exports: [PollsService],
})
export class VotingModule {}
