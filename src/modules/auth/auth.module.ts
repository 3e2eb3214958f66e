import { createSecretKey } from 'node:crypto';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../../config/app-config';
import { Mandate } from '../org/entities/mandate.entity';
import { Person } from '../org/entities/person.entity';
import { RoleGrant } from '../org/entities/role-grant.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { PasswordService, passwordServiceProvider } from '../../common/auth/password.service';
import { PrincipalService } from './principal.service';
import { RefreshToken } from './refresh-token.entity';
import { SessionService } from './session.service';
import { SignInThrottleService } from './sign-in-throttle.service';

@Module({
  imports: [
    MikroOrmModule.forFeature([RefreshToken, Person, Mandate, RoleGrant]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      // A key object, not the string: given a string, jsonwebtoken first tries (and fails) to parse it as a public key
      // on every verification, which cost a tenth of a signed-in request's CPU.
      useFactory: (config: ConfigService<AppConfig, true>) => ({ secret: createSecretKey(Buffer.from(config.get('auth', { infer: true }).jwtSecret)) }),
    }),
  ],
  controllers: [AuthController],
  providers: [passwordServiceProvider, SessionService, PrincipalService, SignInThrottleService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [PasswordService, SessionService, PrincipalService],
})
export class AuthModule {}
