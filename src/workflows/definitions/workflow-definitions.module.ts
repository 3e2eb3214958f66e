import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../../modules/idempotency/idempotency.module';
import { WorkflowDefinition } from '../engine/entities/workflow-definition.entity';
import { WorkflowVersion } from '../engine/entities/workflow-version.entity';
import { StagesModule } from '../stages/stages.module';
import { WorkflowDefinitionsController } from './workflow-definitions.controller';
import { WorkflowDefinitionsService } from './workflow-definitions.service';
import { WorkflowVersionsController } from './workflow-versions.controller';

/** Workflow definitions and their published versions, with the administrator API. */
@Module({
  imports: [StagesModule, MikroOrmModule.forFeature([WorkflowDefinition, WorkflowVersion]), IdempotencyModule],
  controllers: [WorkflowDefinitionsController, WorkflowVersionsController],
  providers: [WorkflowDefinitionsService],
  exports: [WorkflowDefinitionsService],
})
export class WorkflowDefinitionsModule {}
