import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import { Clock } from '../../../modules/calendar/clock';
import { DocumentVersion } from '../../../modules/documents/entities/document-version.entity';
import { FormSubmission } from '../../../modules/forms/submissions/form-submission.entity';
import { SigningEnvelope } from '../../../modules/signing/entities/signing-envelope.entity';
import { consolidateRegistrations } from '../../../modules/signing/statement/title-registrations';
import { StageEffectContext, StageEffects } from '../stage-effects';
import { adoptedVersionOf } from '../vote/vote.effects';
import { DECLINED, SIGNED, signSettingsOf } from './sign.stage';
import { stageNameText } from '../../engine/refusal-words';

/** The built-in form units register their titles with; its submissions in the campaign are consolidated at signing. */
export const TITLE_REGISTRATION_FORM = 'pact/title-registration';

/** The signing envelope of each sign stage run, kept in the campaign's context: `envelopes[stageRunId] = envelopeId`. */
export function envelopeOfRun(context: Record<string, unknown>, stageRunId: string): string | undefined {
  return (context.envelopes as Record<string, string> | undefined)?.[stageRunId];
}

/**
 * A sign stage opens its envelope on entering: the version the last vote adopted (by its hash) and the consolidated
 * title registrations submitted in this campaign, whose hash every statement carries. On completing, `signed` puts
 * the pact in force from that moment; `declined` closes the envelope, and the workflow goes where it says.
 */
@Injectable()
export class SignStageEffects implements StageEffects {
  readonly type = 'sign';

  constructor(private readonly clock: Clock) {}

  async onEnter({ em, campaign, run, stage, record }: StageEffectContext): Promise<void> {
    if (envelopeOfRun(campaign.context, run.id)) return;
    const adopted = adoptedVersionOf(campaign.context);
    if (!adopted) throw new AppError('CAMPAIGN_HAS_NO_ADOPTED_VERSION', { stage: stageNameText(stage, run.stageKey) });
    const version = await em.findOneOrFail(DocumentVersion, adopted.documentVersionId);
    const submissions = await em.find(
      FormSubmission,
      { campaignId: campaign.id, status: 'submitted', formVersion: { definition: { key: TITLE_REGISTRATION_FORM } }, unit: { $ne: null } },
      { populate: ['unit'] },
    );
    const registrations = submissions.length
      ? consolidateRegistrations(submissions.map((s) => ({ unitCode: s.unit!.code, unitName: s.unit!.name, data: s.data })))
      : undefined;
    const settings = signSettingsOf(stage);
    const envelope = em.create(SigningEnvelope, {
      campaignId: campaign.id,
      stageRunId: run.id,
      documentVersion: version,
      contentHash: adopted.contentHash,
      adoptionPollId: adopted.pollId,
      registrations: registrations?.list ?? [],
      registrationsHash: registrations?.hash ?? null,
      signerRoles: settings.signerRoles ?? ['head'],
      methods: settings.methods ?? ['passkey', 'x509', 'paper'],
    });
    campaign.context = { ...campaign.context, envelopes: { ...((campaign.context.envelopes as Record<string, string>) ?? {}), [run.id]: envelope.id } };
    await record('signing.opened', {
      stage: run.stageKey,
      envelopeId: envelope.id,
      document: { id: version.document.id, version: version.number, hash: adopted.contentHash },
      adoptionPollId: adopted.pollId,
      titleRegistrationsHash: envelope.registrationsHash,
      units: registrations?.list.map((r) => r.unitCode) ?? [],
    });
  }

  async onComplete({ em, campaign, run, record }: StageEffectContext, outcome: string): Promise<string> {
    const envelopeId = envelopeOfRun(campaign.context, run.id);
    const envelope = envelopeId ? await em.findOne(SigningEnvelope, envelopeId) : null;
    if (!envelope) throw new AppError('SIGNING_NOT_FOUND', { id: `stage-run:${run.id}` });
    if (outcome === SIGNED) {
      envelope.status = 'in-force';
      envelope.inForceAt = this.clock.now();
      await record('pact.in-force', { envelopeId: envelope.id, contentHash: envelope.contentHash, inForceAt: envelope.inForceAt.toISOString() });
    } else if (outcome === DECLINED) {
      envelope.status = 'declined';
      await record('signing.declined', { envelopeId: envelope.id });
    } else {
      envelope.status = 'closed';
    }
    return outcome;
  }
}
