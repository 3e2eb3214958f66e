import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { DocumentsService } from '../documents/documents.service';
import { PasskeysService } from './passkeys.service';
import { PasskeysController, SigningAdminController } from './signing-admin.controller';
import { SigningMethodsService } from './signing-methods.service';
import { TrustRegistryService } from './trust-registry.service';
import { VersionSignaturesService } from './version-signatures.service';

/** Signing (ký kết): the methods' verification, passkeys, trusted CAs and registered certificates. */
@Module({
  imports: [DocumentsModule],
  controllers: [PasskeysController, SigningAdminController],
  providers: [SigningMethodsService, PasskeysService, TrustRegistryService, VersionSignaturesService],
  // The account's passkeys page (workflow web module) lists, registers and removes them through PasskeysService.
  exports: [SigningMethodsService, PasskeysService],
})
export class SigningModule {
  /** A version's PDF shows who signed it: documents cannot import signing, so signing lends them its signatures. */
  constructor(documents: DocumentsService, signatures: VersionSignaturesService) {
    documents.useSignatureSource(signatures);
  }
}
