import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { WorkflowDefinition } from '../engine/entities/workflow-definition.entity';
import { WorkflowVersion } from '../engine/entities/workflow-version.entity';
import { StageRegistry } from '../stages/stage-registry';
import { WorkflowDefinitionsController } from './workflow-definitions.controller';
import { WorkflowDefinitionsService } from './workflow-definitions.service';
import { WorkflowVersionsController } from './workflow-versions.controller';

/** Workflow definitions and their published versions, with the administrator API. */
@Module({
  imports: [MikroOrmModule.forFeature([WorkflowDefinition, WorkflowVersion])],
  controllers: [WorkflowDefinitionsController, WorkflowVersionsController],
  // The registry is stateless: building it here makes start-up fail on a missing or doubled stage handler.
  providers: [WorkflowDefinitionsService, { provide: StageRegistry, useValue: new StageRegistry() }],
  exports: [WorkflowDefinitionsService, StageRegistry],
})
export class WorkflowDefinitionsModule {}
