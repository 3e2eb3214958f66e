import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig } from './app-config';

export type TypedConfigService = ConfigService<AppConfig, true>;

/** The whole configuration object, for what must start another application from it (a dry run). */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Makes the validated configuration injectable as `ConfigService<AppConfig, true>`. */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, skipProcessEnv: true, load: [() => config] })],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [ConfigModule, APP_CONFIG],
    };
  }
}
