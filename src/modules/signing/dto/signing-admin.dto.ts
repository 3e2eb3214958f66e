import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import { PasskeyCredential } from '../entities/passkey-credential.entity';
import { PersonCertificate } from '../entities/person-certificate.entity';
import { TrustAnchor } from '../entities/trust-anchor.entity';

/** A certificate upload: PEM text (one or more blocks), or base64 of a DER file. */
export class CertificateUploadDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200_000) certificate!: string;
}

export class FinishPasskeyRegistrationDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) ticket!: string;
  @ApiProperty({ type: Object }) @IsObject() response!: Record<string, unknown>;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(120) label!: string;
}

export class PasskeyDto {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() credentialId!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;

  static of(credential: PasskeyCredential): PasskeyDto {
    return { id: credential.id, label: credential.label, credentialId: credential.credentialId, createdAt: credential.createdAt.toISOString(), lastUsedAt: credential.lastUsedAt?.toISOString() ?? null };
  }
}

export class CertificateDto {
  @ApiProperty() id!: string;
  @ApiProperty() fingerprint!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() notAfter!: string;

  static ofAnchor(anchor: TrustAnchor): CertificateDto {
    return { id: anchor.id, fingerprint: anchor.fingerprint, subject: anchor.subject, notAfter: anchor.notAfter.toISOString() };
  }

  static ofPerson(certificate: PersonCertificate): CertificateDto {
    return { id: certificate.id, fingerprint: certificate.fingerprint, subject: certificate.subject, notAfter: certificate.notAfter.toISOString() };
  }
}

/** The certificate as bytes: PEM text is kept as it is, anything else is read as base64 of DER. */
export function certificateBytes(upload: string): Buffer {
  return upload.includes('-----BEGIN') ? Buffer.from(upload, 'utf8') : Buffer.from(upload, 'base64');
}
