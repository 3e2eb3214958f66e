import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig } from './app-config';

export type TypedConfigService = ConfigService<AppConfig, true>;

/** Makes the validated configuration injectable as `ConfigService<AppConfig, true>`. */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, skipProcessEnv: true, load: [() => config] })],
      exports: [ConfigModule],
    };
  }
}
