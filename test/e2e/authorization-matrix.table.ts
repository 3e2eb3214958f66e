/**
 * The expected outcome of every API operation (OpenAPI, GET /api/docs-json) for six callers; checked by
 * `authorization-matrix.test.ts`. `401`: not signed in; `403`: refused; `allowed`: any other answer below 500
 * (the guard and the service's checks let the caller through: 200, 201, 204, but also 400, 404, 409, 422).
 *
 * Callers: anonymous (no token); officer (hatinh.canbo, acting for VKS-HTI, whose tasks the task rows use);
 * other-officer (nghean.canbo, acting for VKS-NAN); council (tdkt.vutruong, council member, acting for the department);
 * secretary (quangtri.canbo, granted the secretary role, acting for VKS-QTR); admin (no unit).
 * Lines starting with `#` are notes.
 */
export const CALLERS = ['anonymous', 'officer', 'other-officer', 'council', 'secretary', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];
export type Outcome = '401' | '403' | 'allowed';

const OUTCOMES: readonly string[] = ['401', '403', 'allowed'];

/** One row, aligned as the table writes it: method, path, then the six outcomes in the order of CALLERS. */
export function formatMatrixRow(operation: string, outcomes: readonly Outcome[]): string {
  const [method, path] = operation.split(' ');
  return `  ${method.padEnd(7)}${path.padEnd(58)}${outcomes.map((outcome, index) => outcome.padEnd(index === outcomes.length - 1 ? 0 : 15)).join('')}`;
}

function parseTable(text: string): Record<string, readonly Outcome[]> {
  const rows: Record<string, readonly Outcome[]> = {};
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const [method, path, ...outcomes] = line.split(/\s+/);
    const operation = `${method} ${path}`;
    if (outcomes.length !== CALLERS.length || outcomes.some((o) => !OUTCOMES.includes(o))) throw new Error(`bad row in the authorization matrix: ${line}`);
    if (operation in rows) throw new Error(`two rows for ${operation} in the authorization matrix`);
    rows[operation] = outcomes as Outcome[];
  }
  return rows;
}

export const EXPECTED_OUTCOMES = parseTable(`
  # operation                                                      anonymous      officer        other-officer  council        secretary      admin
  GET    /api/v1/calendar/working-days                             401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/calendar/{year}                                   401            allowed        allowed        allowed        allowed        allowed
  PUT    /api/v1/calendar/days/{date}                              401            403            403            403            403            allowed
  DELETE /api/v1/calendar/days/{date}                              401            403            403            403            403            allowed
  # Public: the health check, sign-in, refresh and sign-out.
  GET    /health                                                   allowed        allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/auth/sign-in                                      allowed        allowed        allowed        allowed        allowed        allowed
  # refresh without a refresh token (body {}, no cookie) is 401 for everyone, signed in or not.
  POST   /api/v1/auth/refresh                                      401            401            401            401            401            401
  # sign-out runs last (it ends the caller's session); anonymous gets 204 too: there is nothing to end.
  POST   /api/v1/auth/sign-out                                     allowed        allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/auth/me                                           401            allowed        allowed        allowed        allowed        allowed
  # admin: 400 ACTING_UNIT_REQUIRED (no unit to act for), past the role check.
  GET    /api/v1/auth/acting-for                                   401            allowed        allowed        allowed        allowed        allowed
  # Administration (role admin): units, people, mandates, clusters, role grants, imports; ids are random UUIDs (404 for admin).
  GET    /api/v1/units                                             401            403            403            403            403            allowed
  POST   /api/v1/units                                             401            403            403            403            403            allowed
  GET    /api/v1/units/{id}                                        401            403            403            403            403            allowed
  PATCH  /api/v1/units/{id}                                        401            403            403            403            403            allowed
  POST   /api/v1/units/{id}/archive                                401            403            403            403            403            allowed
  POST   /api/v1/units/{id}/restore                                401            403            403            403            403            allowed
  GET    /api/v1/units/{id}/evaluations                            401            403            403            403            403            allowed
  PUT    /api/v1/units/{id}/evaluations/{year}                     401            403            403            403            403            allowed
  GET    /api/v1/people                                            401            403            403            403            403            allowed
  POST   /api/v1/people                                            401            403            403            403            403            allowed
  GET    /api/v1/people/{id}                                       401            403            403            403            403            allowed
  PATCH  /api/v1/people/{id}                                       401            403            403            403            403            allowed
  POST   /api/v1/people/{id}/archive                               401            403            403            403            403            allowed
  POST   /api/v1/people/{id}/restore                               401            403            403            403            403            allowed
  GET    /api/v1/mandates                                          401            403            403            403            403            allowed
  POST   /api/v1/mandates                                          401            403            403            403            403            allowed
  GET    /api/v1/mandates/{id}                                     401            403            403            403            403            allowed
  PATCH  /api/v1/mandates/{id}                                     401            403            403            403            403            allowed
  POST   /api/v1/mandates/{id}/end                                 401            403            403            403            403            allowed
  GET    /api/v1/clusters                                          401            403            403            403            403            allowed
  POST   /api/v1/clusters                                          401            403            403            403            403            allowed
  GET    /api/v1/clusters/{id}                                     401            403            403            403            403            allowed
  PATCH  /api/v1/clusters/{id}                                     401            403            403            403            403            allowed
  POST   /api/v1/clusters/{id}/archive                             401            403            403            403            403            allowed
  POST   /api/v1/clusters/{id}/restore                             401            403            403            403            403            allowed
  GET    /api/v1/role-grants                                       401            403            403            403            403            allowed
  POST   /api/v1/role-grants                                       401            403            403            403            403            allowed
  POST   /api/v1/role-grants/{id}/revoke                           401            403            403            403            403            allowed
  POST   /api/v1/imports/units                                     401            403            403            403            403            allowed
  POST   /api/v1/imports/people                                    401            403            403            403            403            allowed
  POST   /api/v1/imports/commendation-records                      401            403            403            403            403            allowed
  # Campaigns: launching and cancelling are the administrator's; every signed-in person reads them, their history and bundle.
  POST   /api/v1/campaigns                                         401            403            403            403            403            allowed
  POST   /api/v1/campaign-launches/preview                         401            403            403            403            403            allowed
  POST   /api/v1/campaign-launches                                 401            403            403            403            403            allowed
  POST   /api/v1/campaign-launches/simulation                      401            403            403            403            403            allowed
  POST   /api/v1/workflow-documents/check                          401            403            403            403            403            allowed
  GET    /api/v1/workflow-versions/{a}/diff/{b}                    401            403            403            403            403            allowed
  GET    /api/v1/campaigns                                         401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/campaigns/{id}                                    401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/campaigns/{id}/cancel                             401            403            403            403            403            allowed
  POST   /api/v1/campaigns/{id}/migration                          401            403            403            403            403            allowed
  GET    /api/v1/campaigns/{id}/history                            401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/campaigns/{id}/verify                             401            allowed        allowed        allowed        allowed        allowed
  # The minutes (biên bản) of the acclamation: anyone signed in reads them; the vote campaign has none (409 MINUTES_NOT_READY).
  GET    /api/v1/campaigns/{id}/minutes.pdf                        401            allowed        allowed        allowed        allowed        allowed
  # The ranking: the cluster's member units, the council and administrators read it (the vote campaign has none: 404
  # RANKING_NOT_FOUND); a member unit reads its own breakdown only ({unitId} is no unit of theirs: 403), and neither the
  # workbook (every scorer's sheet) nor other units' scores over the years; the council and administrators adjust
  # ({} is refused with 400 past the role check).
  GET    /api/v1/campaigns/{id}/ranking                            401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/campaigns/{id}/ranking/units/{unitId}             401            403            403            allowed        403            allowed
  POST   /api/v1/campaigns/{id}/ranking/adjustments                401            403            403            allowed        403            allowed
  GET    /api/v1/campaigns/{id}/ranking.xlsx                       401            403            403            allowed        403            allowed
  GET    /api/v1/units/{unitId}/score-history                      401            403            403            allowed        403            allowed
  GET    /api/v1/inbox                                             401            allowed        allowed        allowed        allowed        allowed
  # Task rows use VKS-HTI's own tasks: its adoption-vote task (open ballot), its submitted title-registration form task and
  # its open sign task. Another unit acting for itself is refused (403 NOT_TASK_ASSIGNEE) on every command; it may read
  # the task itself, its ballot view and the signing progress (an open ballot; the secret ballot has its own test).
  GET    /api/v1/tasks/{id}                                        401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/tasks/{id}/commands                               401            allowed        403            403            403            403
  GET    /api/v1/notifications                                     401            allowed        allowed        allowed        allowed        allowed
  # Another person's notification reads as 404 NOTIFICATION_NOT_FOUND (allowed in this table's terms, and hidden).
  POST   /api/v1/notifications/{id}/read                           401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/overview                                          401            403            403            allowed        403            allowed
  GET    /api/v1/tasks/{id}/form                                   401            allowed        403            403            403            403
  PUT    /api/v1/tasks/{id}/form/draft                             401            allowed        403            403            403            403
  POST   /api/v1/tasks/{id}/form/submit                            401            allowed        403            403            403            403
  # form/review: 409 TASK_NOT_REVIEWED / STAGE_CLOSED for everyone, decided before whose task it is: the cluster-pact
  # registration has no review, so these two rows prove nothing about the reviewers (see the form-stage e2e test).
  GET    /api/v1/tasks/{id}/form/review                            401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/tasks/{id}/form/review                            401            allowed        allowed        allowed        allowed        allowed
  # Score sheets, on VKS-HTI's vote task: whose task it is first (another unit 403 NOT_TASK_ASSIGNEE, the administrator
  # 403 NOT_MANDATED), then 404 SCORE_SHEET_NOT_FOUND for its own unit (the score-stage e2e test covers real sheets).
  # recusal and evidence refuse the body ({} has no reason, no file) with 400 before anyone is checked.
  GET    /api/v1/tasks/{id}/score-sheet                            401            allowed        403            403            403            403
  PUT    /api/v1/tasks/{id}/score-sheet/draft                      401            allowed        403            403            403            403
  POST   /api/v1/tasks/{id}/score-sheet                            401            allowed        403            403            403            403
  POST   /api/v1/tasks/{id}/score-sheet/recusal                    401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/tasks/{id}/score-sheet/evidence                   401            allowed        allowed        allowed        allowed        allowed
  # An unknown sheet: 404 SCORE_SHEET_NOT_FOUND for everyone signed in.
  GET    /api/v1/score-sheets/{sheetId}/evidence/{fileId}          401            allowed        allowed        allowed        allowed        allowed
  # The scoring matrix: every signed-in person, each seeing the sheets they may (none in the pact campaign).
  GET    /api/v1/campaigns/{id}/score-sheets                       401            allowed        allowed        allowed        allowed        allowed
  # Scoring tables: read by everyone signed in, published by the administrator (an unknown key: 400 or 404).
  GET    /api/v1/scoring-tables                                    401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/scoring-tables                                    401            403            403            403            403            allowed
  GET    /api/v1/scoring-tables/{key}                              401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/scoring-tables/{key}/versions                     401            allowed        allowed        allowed        allowed        allowed
  # Rule packs: read and published by the administrator only (an unknown key: 404; a document that is not one: 400 or 422).
  GET    /api/v1/rule-packs                                        401            403            403            403            403            allowed
  GET    /api/v1/rule-packs/{key}/versions                         401            403            403            403            403            allowed
  POST   /api/v1/rule-packs/{key}/versions                         401            403            403            403            403            allowed
  GET    /api/v1/tasks/{id}/ballot                                 401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/tasks/{id}/ballot                                 401            allowed        403            403            403            403
  # A decision through a decision stage's task: the vote task used here is none, so 409 TASK_HAS_NO_DECISION for everyone
  # signed in (it says only the stage's type); whose task it is is checked next (the nomination-decision e2e test).
  POST   /api/v1/tasks/{id}/decision                               401            allowed        allowed        allowed        allowed        allowed
  # A unit's title proposals through a propose stage's task: the vote task used here is none, so 409 TASK_HAS_NO_PROPOSALS
  # for everyone signed in (it says only the stage's type); whose task it is is checked next (the individual-titles e2e test).
  POST   /api/v1/tasks/{id}/proposals                              401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/tasks/{id}/proposals                              401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/campaigns/{id}/deliberation                       401            allowed        allowed        allowed        allowed        allowed
  # Amendments at the adoption vote: 409 DISCUSSION_NOT_OPEN for every unit, the council member's department included
  # (the campaign's state is checked before membership); admin: 400 ACTING_UNIT_REQUIRED / 403 AMENDMENT_UNIT_REQUIRED.
  POST   /api/v1/campaigns/{id}/amendments                         401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/documents/{documentId}/amendments                 401            allowed        allowed        allowed        allowed        403
  GET    /api/v1/documents/{documentId}/amendments                 401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/tasks/{id}/signing                                401            allowed        allowed        allowed        allowed        allowed
  # Signing needs the head's mandate (signerRoles): VKS-HTI's officer is refused (403 SIGNER_ROLE_NOT_ALLOWED) like everyone.
  # The secretary records the paper signature (201; admin then 409 SIGNATURE_EXISTS); VKS-HTI's officer confirms it for the
  # unit (200); every other caller is refused. Before this test, a confirmed (or signed) task answered anyone 200.
  POST   /api/v1/tasks/{id}/signing                                401            403            403            403            403            403
  GET    /api/v1/tasks/{id}/signing/statement                      401            403            403            403            403            403
  POST   /api/v1/tasks/{id}/signing/decline                        401            403            403            403            403            403
  POST   /api/v1/tasks/{id}/signing/paper                          401            403            403            403            allowed        allowed
  POST   /api/v1/tasks/{id}/signing/paper/confirm                  401            allowed        403            403            403            403
  POST   /api/v1/tasks/{id}/signing/paper/dispute                  401            allowed        403            403            403            403
  # The commendation register (sổ khen thưởng): anyone signed in reads it; an id nobody has is 404 COMMENDATION_NOT_FOUND.
  GET    /api/v1/commendations                                     401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/commendations/export.xlsx                         401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/commendations/{id}/certificate.pdf                401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/commendations/{id}                                401            allowed        allowed        allowed        allowed        allowed
  # Records: who may read a unit's eligibility or a person's record is the service's check (a random id: 404, no query: 400).
  GET    /api/v1/eligibility                                       401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/people/{id}/commendation-record                   401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/units/{id}/commendation-record                    401            allowed        allowed        allowed        allowed        allowed
  # Initiatives: a unit's officers submit (the service checks the unit); the council's secretary or an administrator opens the vote and decides.
  POST   /api/v1/initiatives                                       401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/initiatives                                       401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/initiatives/{id}                                  401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/initiatives/{id}/attachments                      401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/initiatives/{id}/attachments/{fileId}             401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/initiatives/{id}/review                           401            403            403            403            allowed        allowed
  POST   /api/v1/initiatives/{id}/decision                         401            403            403            403            allowed        allowed
  # Advanced examples: units nominate, the cluster head reviews; who may is the service's check (a random id: 404).
  POST   /api/v1/advanced-examples                                 401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/advanced-examples                                 401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/advanced-examples/{id}                            401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/advanced-examples/{id}/attachments                401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/advanced-examples/{id}/attachments/{fileId}       401            allowed        allowed        allowed        allowed        allowed
  # One step to an ad hoc commendation: the example's unit's officer only (NOT_MANDATED otherwise), checked after the
  # example is found; the matrix's unknown example answers 404 to everyone signed in.
  POST   /api/v1/advanced-examples/{id}/commendation               401            allowed        allowed        allowed        allowed        allowed
  # Units start their own ad hoc commendations (a startedBy "unit" workflow) for the unit they act for.
  GET    /api/v1/unit-campaigns/workflows                          401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/unit-campaigns                                    401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/advanced-examples/{id}/review                     401            allowed        allowed        allowed        allowed        allowed
  # Public consultation: the secretary or an administrator opens it; everyone signed in reads and objects.
  POST   /api/v1/commendation-proposals/{id}/consultation          401            403            403            403            allowed        allowed
  GET    /api/v1/consultations                                     401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/consultations/{id}                                401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/consultations/{id}/objections                     401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/commendations/{id}/revocation                     401            403            403            403            403            allowed
  POST   /api/v1/commendation-proposals                            401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/commendation-proposals                            401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/commendation-proposals/council-votes              401            403            403            403            allowed        allowed
  GET    /api/v1/commendation-proposals/council-votes              401            403            403            allowed        allowed        allowed
  GET    /api/v1/commendation-proposals/council-votes/{pollId}     401            403            403            allowed        allowed        allowed
  POST   /api/v1/commendation-proposals/council-votes/{pollId}/decision 401            403            403            403            allowed        allowed
  # Workflows and forms: the administrator's.
  GET    /api/v1/workflow-definitions                              401            403            403            403            403            allowed
  POST   /api/v1/workflow-definitions                              401            403            403            403            403            allowed
  GET    /api/v1/workflow-definitions/{id}                         401            403            403            403            403            allowed
  PUT    /api/v1/workflow-definitions/{id}/draft                   401            403            403            403            403            allowed
  POST   /api/v1/workflow-definitions/{id}/validate                401            403            403            403            403            allowed
  POST   /api/v1/workflow-definitions/{id}/publish                 401            403            403            403            403            allowed
  GET    /api/v1/workflow-definitions/{id}/versions                401            403            403            403            403            allowed
  GET    /api/v1/workflow-versions/{versionId}                     401            403            403            403            403            allowed
  GET    /api/v1/workflow-versions/{versionId}/diagram             401            403            403            403            403            allowed
  GET    /api/v1/forms                                             401            403            403            403            403            allowed
  POST   /api/v1/forms                                             401            403            403            403            403            allowed
  GET    /api/v1/forms/{id}                                        401            403            403            403            403            allowed
  PUT    /api/v1/forms/{id}/draft                                  401            403            403            403            403            allowed
  POST   /api/v1/forms/{id}/validate                               401            403            403            403            403            allowed
  POST   /api/v1/forms/{id}/publish                                401            403            403            403            403            allowed
  GET    /api/v1/forms/{id}/versions                               401            403            403            403            403            allowed
  # Scheduled launches: the administrator's (a random id: 404 for admin).
  GET    /api/v1/launch-schedules                                  401            403            403            403            403            allowed
  POST   /api/v1/launch-schedules                                  401            403            403            403            403            allowed
  GET    /api/v1/launch-schedules/{id}                             401            403            403            403            403            allowed
  PATCH  /api/v1/launch-schedules/{id}                             401            403            403            403            403            allowed
  DELETE /api/v1/launch-schedules/{id}                             401            403            403            403            403            allowed
  GET    /api/v1/launch-schedules/{id}/runs                        401            403            403            403            403            allowed
  POST   /api/v1/launch-schedules/{id}/run-now                     401            403            403            403            403            allowed
  # Webhooks: the administrator's (a random id: 404 for admin).
  GET    /api/v1/webhooks                                          401            403            403            403            403            allowed
  POST   /api/v1/webhooks                                          401            403            403            403            403            allowed
  GET    /api/v1/webhooks/{id}                                     401            403            403            403            403            allowed
  PATCH  /api/v1/webhooks/{id}                                     401            403            403            403            403            allowed
  DELETE /api/v1/webhooks/{id}                                     401            403            403            403            403            allowed
  GET    /api/v1/webhooks/{id}/deliveries                          401            403            403            403            403            allowed
  POST   /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver   401            403            403            403            403            allowed
  GET    /api/v1/mail                                              401            403            403            403            403            allowed
  GET    /api/v1/mail/{id}                                         401            403            403            403            403            allowed
  GET    /api/v1/mail/{id}/eml                                     401            403            403            403            403            allowed
  GET    /api/v1/me/mail-preference                                401            allowed        allowed        allowed        allowed        allowed
  PUT    /api/v1/me/mail-preference                                401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/form-versions/{id}                                401            403            403            403            403            allowed
  GET    /api/v1/form-versions/{a}/diff/{b}                        401            403            403            403            403            allowed
  # Documents: every signed-in person reads; creating documents and versions is the administrator's.
  GET    /api/v1/documents                                         401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/documents                                         401            403            403            403            403            allowed
  GET    /api/v1/documents/{id}                                    401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/documents/{id}/versions                           401            403            403            403            403            allowed
  GET    /api/v1/documents/{id}/diff                               401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/documents/{id}/versions/{number}                  401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/documents/{id}/versions/{number}/markdown         401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/documents/{id}/versions/{number}/pdf              401            allowed        allowed        allowed        allowed        allowed
  # Discussion: any signed-in person opens threads and comments (the council member and the administrator too, and after
  # the discussion closed); only the thread's unit (or the administrator) resolves it, only the author edits a comment.
  GET    /api/v1/documents/{documentId}/threads                    401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/documents/{documentId}/threads                    401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/threads/{id}                                      401            allowed        allowed        allowed        allowed        allowed
  PATCH  /api/v1/threads/{id}                                      401            allowed        403            403            403            allowed
  GET    /api/v1/threads/{id}/comments                             401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/threads/{id}/comments                             401            allowed        allowed        allowed        allowed        allowed
  GET    /api/v1/comments/{id}                                     401            allowed        allowed        allowed        allowed        allowed
  PATCH  /api/v1/comments/{id}                                     401            allowed        403            403            403            403
  # Merging and deciding amendments are the administrator's; only the proposing unit withdraws (409: already decided).
  POST   /api/v1/documents/{documentId}/amendments/merge           401            403            403            403            403            allowed
  GET    /api/v1/amendments/{id}                                   401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/amendments/{id}/withdraw                          401            allowed        403            403            403            403
  POST   /api/v1/amendments/{id}/decision                          401            403            403            403            403            allowed
  GET    /api/v1/discussion-notices                                401            allowed        allowed        allowed        allowed        allowed
  # Another person's notice: 404 DISCUSSION_NOTICE_NOT_FOUND.
  POST   /api/v1/discussion-notices/{id}/read                      401            allowed        allowed        allowed        allowed        allowed
  # Polls: the adoption poll (the council's department is not in its electorate: 403 NOT_IN_ELECTORATE; admin 400
  # ACTING_UNIT_REQUIRED); close uses a spare ad-hoc poll; offline ballots are the secretary's or the administrator's.
  POST   /api/v1/polls                                             401            403            403            403            403            allowed
  GET    /api/v1/polls/{id}                                        401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/polls/{id}/ballots                                401            allowed        allowed        403            allowed        allowed
  GET    /api/v1/polls/{id}/result                                 401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/polls/{id}/close                                  401            403            403            403            403            allowed
  POST   /api/v1/polls/{id}/offline-ballots                        401            403            403            403            allowed        allowed
  POST   /api/v1/polls/{id}/offline-ballots/confirm                401            allowed        allowed        allowed        allowed        allowed
  # The caller's own passkeys.
  GET    /api/v1/me/passkeys                                       401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/me/passkeys                                       401            allowed        allowed        allowed        allowed        allowed
  POST   /api/v1/me/passkeys/options                               401            allowed        allowed        allowed        allowed        allowed
  DELETE /api/v1/me/passkeys/{id}                                  401            allowed        allowed        allowed        allowed        allowed
  # Trust anchors and signers' certificates: the administrator's.
  GET    /api/v1/signing/trust-anchors                             401            403            403            403            403            allowed
  POST   /api/v1/signing/trust-anchors                             401            403            403            403            403            allowed
  GET    /api/v1/signing/people/{personId}/certificates            401            403            403            403            403            allowed
  POST   /api/v1/signing/people/{personId}/certificates            401            403            403            403            403            allowed
  # The verification bundle: every signed-in person, as the history.
  GET    /api/v1/campaigns/{id}/bundle                             401            allowed        allowed        allowed        allowed        allowed
`);
