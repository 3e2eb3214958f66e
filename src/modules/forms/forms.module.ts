import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { FormDefinition } from './entities/form-definition.entity';
import { FormVersion } from './entities/form-version.entity';
import { FormVersionsController } from './form-versions.controller';
import { FormsController } from './forms.controller';
import { FormsService } from './forms.service';
import { FormSubmission } from './submissions/form-submission.entity';
import { FormSubmissionsService } from './submissions/form-submissions.service';
import { FormValidator } from './validation/form-validator';

/** Form definitions and their published versions, with the administrator API; submissions validated on the server. */
@Module({
  imports: [MikroOrmModule.forFeature([FormDefinition, FormVersion, FormSubmission]), IdempotencyModule],
  controllers: [FormsController, FormVersionsController],
  providers: [FormsService, FormValidator, FormSubmissionsService],
  exports: [FormsService, FormValidator, FormSubmissionsService],
})
export class FormsModule {}
