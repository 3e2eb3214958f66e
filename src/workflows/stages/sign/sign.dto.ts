import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBase64, IsDateString, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { Signature } from '../../../modules/signing/entities/signature.entity';
import { SigningEnvelope } from '../../../modules/signing/entities/signing-envelope.entity';

/** A signature over a statement from GET /tasks/:id/signing/statement. */
export class SignDto {
  @ApiProperty({ enum: ['passkey', 'x509'] }) @IsIn(['passkey', 'x509']) method!: 'passkey' | 'x509';

  /** The statement signed, as downloaded (its canonical JSON). */
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(20_000) statement!: string;

  /** passkey: the WebAuthn assertion (AuthenticationResponseJSON) whose challenge is the statement hash. */
  @ApiPropertyOptional({ type: Object }) @ValidateIf((dto: SignDto) => dto.method === 'passkey') @IsObject() response?: Record<string, unknown>;

  /** x509: the detached CMS/PKCS#7 signature over the statement file, base64 of its DER (or of its PEM text). */
  @ApiPropertyOptional() @ValidateIf((dto: SignDto) => dto.method === 'x509') @IsBase64() @MaxLength(700_000) signature?: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

/** A paper signature recorded by the secretary: the scanned signed page (PDF, PNG or JPEG, base64). */
export class RecordPaperSignatureDto {
  @ApiProperty() @IsBase64() @MaxLength(700_000) scan!: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() signedAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class SignatureDto {
  @ApiProperty() id!: string;
  @ApiProperty() unit!: { id: string; code: string; name: string };
  @ApiProperty() signer!: { personId: string; fullName: string };
  @ApiProperty({ enum: ['passkey', 'x509', 'paper'] }) method!: string;
  @ApiProperty({ enum: ['valid', 'awaiting-confirmation'] }) status!: string;
  @ApiProperty() statementHash!: string;
  @ApiProperty() signedAt!: string;
  @ApiPropertyOptional({ description: 'X.509: the signer certificate subject' }) certificateSubject?: string;

  static of(signature: Signature): SignatureDto {
    const subject = (signature.evidence.signer as { subject?: string } | undefined)?.subject;
    return {
      id: signature.id,
      unit: { id: signature.unit.id, code: signature.unit.code, name: signature.unit.name },
      signer: { personId: signature.signer.id, fullName: signature.signer.fullName },
      method: signature.method,
      status: signature.status,
      statementHash: signature.statementHash,
      signedAt: signature.signedAt.toISOString(),
      ...(subject ? { certificateSubject: subject } : {}),
    };
  }
}

export class SigningStatusDto {
  @ApiProperty() envelopeId!: string;
  @ApiProperty({ enum: ['open', 'in-force', 'declined', 'closed'] }) status!: string;
  @ApiProperty() document!: { id: string; versionNumber: number; contentHash: string };
  @ApiProperty({ nullable: true, type: String }) titleRegistrationsHash!: string | null;
  @ApiProperty({ type: [Object] }) titleRegistrations!: unknown[];
  @ApiProperty({ type: [String] }) methods!: string[];
  @ApiProperty({ type: [String] }) signerRoles!: string[];
  @ApiProperty({ nullable: true, type: String }) inForceAt!: string | null;
  @ApiProperty({ type: [SignatureDto] }) signatures!: SignatureDto[];

  static of(envelope: SigningEnvelope, signatures: Signature[]): SigningStatusDto {
    return {
      envelopeId: envelope.id,
      status: envelope.status,
      document: { id: envelope.documentVersion.document.id, versionNumber: envelope.documentVersion.number, contentHash: envelope.contentHash },
      titleRegistrationsHash: envelope.registrationsHash,
      titleRegistrations: envelope.registrations,
      methods: envelope.methods,
      signerRoles: envelope.signerRoles,
      inForceAt: envelope.inForceAt?.toISOString() ?? null,
      signatures: signatures.map((signature) => SignatureDto.of(signature)),
    };
  }
}
