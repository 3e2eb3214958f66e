import { Module } from '@nestjs/common';
import { AuthModule } from '../../../../modules/auth/auth.module';
import { WebModule } from '../../../../modules/web/web.module';
import { WorkflowApiModule } from '../../../api/workflow-api.module';
import { WorkflowPageShell } from '../../../web/workflow-page-shell.service';
import { ScorePagesController } from './score-pages.controller';

/** The score sheet and scoring matrix pages, with the workflow pages' shell. */
@Module({
  imports: [WebModule, AuthModule, WorkflowApiModule],
  controllers: [ScorePagesController],
  providers: [WorkflowPageShell],
})
export class ScoreWebModule {}
