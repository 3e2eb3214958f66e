import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { CreateContextOptions, MikroORM, RequestContext } from '@mikro-orm/core';
import { DynamicModule, Inject, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Principal } from '../../common/auth/principal';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { dropRedisPrefix } from '../../queue/drop-redis-prefix';
import { CampaignRehearsal } from './campaign-rehearsal';
import type { SimulationReport, SimulationRequest } from './simulation.types';
import { throwawayCopy } from './throwaway-database';

/** The application a dry run boots for a configuration: given by the entry point, which workflows never import. */
export type SimulationApplication = (config: AppConfig) => DynamicModule;
const SIMULATION_APPLICATION = Symbol('SIMULATION_APPLICATION');

/**
 * Dry runs: the live database copied, a second application on the copy with its own clock, its own queue prefix (no
 * worker reads it), its own file store and no mail server, the campaign rehearsed in it, then all of it thrown away.
 */
@Injectable()
export class DryRunner {
  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly live: AppConfig,
    @Inject(SIMULATION_APPLICATION) private readonly application: SimulationApplication,
  ) {}

  async run(request: SimulationRequest, launcher: Principal): Promise<SimulationReport> {
    const live = this.live;
    const copy = await throwawayCopy(this.orm, live.database);
    const prefix = `${live.redis.prefix}-simulation-${randomBytes(5).toString('hex')}`;
    const config: AppConfig = {
      ...live,
      logLevel: 'silent',
      database: copy.config,
      redis: { ...live.redis, prefix },
      storage: { ...live.storage, directory: join(copy.folder, 'files') },
      mail: { ...live.mail, smtpUrl: undefined, folder: join(copy.folder, 'mail') },
    };
    try {
      const app = await NestFactory.createApplicationContext(this.application(config), { logger: false, abortOnError: false });
      try {
        // Its own request context: inside a live request, MikroORM hands every `em.fork()` the live request's
        // EntityManager (both ORMs are the context "default"), and the rehearsal would write to the live data. Creating
        // the context forks too, so it must skip the live one (createContext passes these options on to `fork`; the
        // simulation e2e test checks that the live data stays as it was).
        const own = { disableContextResolution: true } as CreateContextOptions;
        return await RequestContext.create(app.get(MikroORM).em, () => new CampaignRehearsal(app).run(request, launcher), own);
      } finally {
        await app.close();
      }
    } finally {
      await dropRedisPrefix(config.redis.url, prefix);
      await copy.drop();
    }
  }
}

/** Dry runs for the whole application (global: the wizard and the CLI use them). */
@Module({})
export class SimulationModule {
  static register(application: SimulationApplication): DynamicModule {
    return { module: SimulationModule, global: true, providers: [DryRunner, { provide: SIMULATION_APPLICATION, useValue: application }], exports: [DryRunner] };
  }
}
