import { RefreshToken } from './modules/auth/refresh-token.entity';
import { CalendarAmendment } from './modules/calendar/calendar-amendment.entity';
import { CommendationDecision } from './modules/commendations/entities/commendation-decision.entity';
import { CommendationProposal } from './modules/commendations/entities/commendation-proposal.entity';
import { CommendationRecord } from './modules/commendations/entities/commendation-record.entity';
import { AdvancedExample } from './modules/commendations/entities/advanced-example.entity';
import { Consultation, ConsultationObjection } from './modules/commendations/entities/consultation.entity';
import { InitiativeApplication } from './modules/commendations/entities/initiative-application.entity';
import { Initiative } from './modules/commendations/entities/initiative.entity';
import { RulePackDefinition } from './modules/commendations/entities/rule-pack-definition.entity';
import { RulePackVersion } from './modules/commendations/entities/rule-pack-version.entity';
import { StaffAbsence } from './modules/commendations/entities/staff-absence.entity';
import { StaffDiscipline } from './modules/commendations/entities/staff-discipline.entity';
import { StaffYear } from './modules/commendations/entities/staff-year.entity';
import { Amendment } from './modules/discussion/entities/amendment.entity';
import { DiscussionComment } from './modules/discussion/entities/discussion-comment.entity';
import { DiscussionCommentRevision } from './modules/discussion/entities/discussion-comment-revision.entity';
import { DiscussionNotice } from './modules/discussion/entities/discussion-notice.entity';
import { DiscussionThread } from './modules/discussion/entities/discussion-thread.entity';
import { DocumentVersion } from './modules/documents/entities/document-version.entity';
import { Document } from './modules/documents/entities/document.entity';
import { FormDefinition } from './modules/forms/entities/form-definition.entity';
import { FormVersion } from './modules/forms/entities/form-version.entity';
import { FormSubmission } from './modules/forms/submissions/form-submission.entity';
import { IdempotencyRecord } from './modules/idempotency/idempotency-record.entity';
import { Cluster } from './modules/org/entities/cluster.entity';
import { Mandate } from './modules/org/entities/mandate.entity';
import { Person } from './modules/org/entities/person.entity';
import { RoleGrant } from './modules/org/entities/role-grant.entity';
import { UnitEvaluation } from './modules/org/entities/unit-evaluation.entity';
import { Unit } from './modules/org/entities/unit.entity';
import { PasskeyCredential } from './modules/signing/entities/passkey-credential.entity';
import { PersonCertificate } from './modules/signing/entities/person-certificate.entity';
import { Signature } from './modules/signing/entities/signature.entity';
import { SigningEnvelope } from './modules/signing/entities/signing-envelope.entity';
import { TrustAnchor } from './modules/signing/entities/trust-anchor.entity';
import { RankingEntry } from './modules/scoring/entities/ranking-entry.entity';
import { ScoreSheet } from './modules/scoring/entities/score-sheet.entity';
import { Score } from './modules/scoring/entities/score.entity';
import { ScoringTableDefinition } from './modules/scoring/entities/scoring-table-definition.entity';
import { ScoringTableVersion } from './modules/scoring/entities/scoring-table-version.entity';
import { StoredFile } from './modules/storage/stored-file.entity';
import { MailMessage } from './modules/mail/entities/mail-message.entity';
import { MailPreference } from './modules/mail/entities/mail-preference.entity';
import { WebhookDelivery } from './modules/webhooks/entities/webhook-delivery.entity';
import { WebhookEndpoint } from './modules/webhooks/entities/webhook-endpoint.entity';
import { BallotRecord } from './modules/voting/entities/ballot-record.entity';
import { Ballot } from './modules/voting/entities/ballot.entity';
import { OfflineMeeting } from './modules/voting/entities/offline-meeting.entity';
import { Poll } from './modules/voting/entities/poll.entity';
import { CampaignEvent } from './workflows/engine/entities/campaign-event.entity';
import { Campaign } from './workflows/engine/entities/campaign.entity';
import { Notification } from './workflows/engine/entities/notification.entity';
import { OutboxMessage } from './workflows/engine/entities/outbox-message.entity';
import { StageRun } from './workflows/engine/entities/stage-run.entity';
import { Task } from './workflows/engine/entities/task.entity';
import { WorkflowDefinition } from './workflows/engine/entities/workflow-definition.entity';
import { WorkflowVersion } from './workflows/engine/entities/workflow-version.entity';
import { LaunchSchedule } from './workflows/schedules/entities/launch-schedule.entity';
import { ScheduledLaunch } from './workflows/schedules/entities/scheduled-launch.entity';

/** Every entity of the app, for the ORM, its CLI and the migrations. A new entity file is added here. */
export const ENTITIES = [
  Unit,
  Person,
  Mandate,
  Cluster,
  UnitEvaluation,
  RoleGrant,
  RefreshToken,
  CalendarAmendment,
  IdempotencyRecord,
  WorkflowDefinition,
  WorkflowVersion,
  FormDefinition,
  FormVersion,
  FormSubmission,
  Document,
  DocumentVersion,
  Poll,
  Ballot,
  BallotRecord,
  OfflineMeeting,
  DiscussionThread,
  DiscussionComment,
  DiscussionCommentRevision,
  DiscussionNotice,
  Amendment,
  SigningEnvelope,
  Signature,
  PasskeyCredential,
  PersonCertificate,
  TrustAnchor,
  ScoringTableDefinition,
  ScoringTableVersion,
  ScoreSheet,
  Score,
  RankingEntry,
  CommendationDecision,
  CommendationRecord,
  StaffYear,
  StaffAbsence,
  StaffDiscipline,
  Initiative,
  InitiativeApplication,
  AdvancedExample,
  Consultation,
  ConsultationObjection,
  CommendationProposal,
  RulePackDefinition,
  RulePackVersion,
  Campaign,
  StageRun,
  Task,
  OutboxMessage,
  CampaignEvent,
  Notification,
  LaunchSchedule,
  ScheduledLaunch,
  StoredFile,
  WebhookEndpoint,
  WebhookDelivery,
  MailPreference,
  MailMessage,
];
