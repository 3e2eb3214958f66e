import { Module } from '@nestjs/common';
import { PasskeysService } from './passkeys.service';
import { PasskeysController, SigningAdminController } from './signing-admin.controller';
import { SigningMethodsService } from './signing-methods.service';
import { TrustRegistryService } from './trust-registry.service';

/** Signing (ký kết): the methods' verification, passkeys, trusted CAs and registered certificates. */
@Module({
  controllers: [PasskeysController, SigningAdminController],
  providers: [SigningMethodsService, PasskeysService, TrustRegistryService],
  // The account's passkeys page (workflow web module) lists, registers and removes them through PasskeysService.
  exports: [SigningMethodsService, PasskeysService],
})
export class SigningModule {}
