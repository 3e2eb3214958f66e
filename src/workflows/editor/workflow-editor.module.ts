import { Module } from '@nestjs/common';
import { PageNavigation } from '../../modules/web/page-navigation';
import { WebModule } from '../../modules/web/web.module';
import { WorkflowDefinitionsModule } from '../definitions/workflow-definitions.module';
import { StagesModule } from '../stages/stages.module';
import { WorkflowPageShell } from '../web/workflow-page-shell.service';
import { WorkflowCheckController, WorkflowDiffController } from './workflow-check.controller';
import { WorkflowEditorService } from './workflow-editor.service';
import { WorkflowEditorPagesController } from './web/workflow-editor-pages.controller';
import { WORKFLOW_EDITOR_TEXTS } from './web/workflow-editor-texts';

/** The workflow editor: the pages /admin/workflows(/:id) and the check of unsaved documents it calls as the draft changes. */
@Module({
  imports: [WorkflowDefinitionsModule, StagesModule, WebModule],
  controllers: [WorkflowCheckController, WorkflowDiffController, WorkflowEditorPagesController],
  providers: [WorkflowEditorService, WorkflowPageShell],
})
export class WorkflowEditorModule {
  constructor(navigation: PageNavigation) {
    navigation.add({ href: '/admin/workflows', label: WORKFLOW_EDITOR_TEXTS.navWorkflows, roles: ['admin'] });
  }
}
