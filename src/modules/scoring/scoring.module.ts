import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { ScoreSheet } from './entities/score-sheet.entity';
import { Score } from './entities/score.entity';
import { ScoringTableDefinition } from './entities/scoring-table-definition.entity';
import { ScoringTableVersion } from './entities/scoring-table-version.entity';
import { ScoreWriter } from './score-writer.service';
import { ScoringTablesService } from './scoring-tables.service';

/** Scoring tables and their sheet forms, and the set-based writer of scores; no HTTP (see ScoringApiModule). */
@Module({
  imports: [MikroOrmModule.forFeature([ScoringTableDefinition, ScoringTableVersion, ScoreSheet, Score]), FormsModule],
  providers: [ScoringTablesService, ScoreWriter],
  exports: [ScoringTablesService, ScoreWriter],
})
export class ScoringModule {}
