import { DynamicModule, Module } from '@nestjs/common';
import { EntityClass } from '@mikro-orm/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { ConfigService } from '@nestjs/config';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { AppConfig, DatabaseConfig } from '../config/app-config';
import { buildOrmOptions } from './orm-options';

/** The ORM for the whole app; the entry point passes the entity list so that this layer imports no feature. */
@Module({})
export class DatabaseModule {
  static forRoot(entities: EntityClass<unknown>[], dialect: DatabaseConfig['dialect']): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        MikroOrmModule.forRootAsync({
          inject: [ConfigService],
          driver: dialect === 'postgresql' ? PostgreSqlDriver : BetterSqliteDriver,
          useFactory: (config: ConfigService<AppConfig, true>) => ({
            ...buildOrmOptions(config.get('database', { infer: true }), entities),
            registerRequestContext: true,
          }),
        }),
      ],
    };
  }
}
