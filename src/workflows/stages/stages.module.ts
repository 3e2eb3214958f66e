import { Module } from '@nestjs/common';
import { StageRegistry } from './stage-registry';

/** The stage handlers, built once; the registry's constructor refuses a type without exactly one handler, which stops start-up. */
@Module({
  providers: [{ provide: StageRegistry, useValue: new StageRegistry() }],
  exports: [StageRegistry],
})
export class StagesModule {}
