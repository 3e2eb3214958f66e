import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { FormDefinition } from './entities/form-definition.entity';
import { FormVersion } from './entities/form-version.entity';
import { FormVersionsController } from './form-versions.controller';
import { FormsController } from './forms.controller';
import { FormsService } from './forms.service';

/** Form definitions and their published versions, with the administrator API. */
@Module({
  imports: [MikroOrmModule.forFeature([FormDefinition, FormVersion])],
  controllers: [FormsController, FormVersionsController],
  providers: [FormsService],
  exports: [FormsService],
})
export class FormsModule {}
