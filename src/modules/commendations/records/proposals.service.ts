import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { Language } from '../../../common/i18n/language';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import { CommendationProposal } from '../entities/commendation-proposal.entity';
import { StaffYear } from '../entities/staff-year.entity';
import { applyCaps } from '../rules/caps';
import { Candidate, evaluateEligibility } from '../rules/eligibility';
import { capBasesOf } from './eligibility.service';
import { loadEligibilityRecords } from './eligibility-records';
import { EVERY_UNIT_ROLES, mandatedFor } from './mandated';
import { ProposalDto, ProposeDto } from './records.dto';
import { RulePacksService } from './rule-packs.service';

interface Proposed {
  candidate: Candidate;
  name: string;
  person: Person | null;
  overrideReason: string | null;
  account: string | null;
}

/**
 * A unit's proposals for a title (đề nghị khen thưởng): each candidate judged by the year's rule pack when proposed.
 * An ineligible candidate is refused with the reasons (422) unless an administrator overrides it with a written
 * reason, which is kept; the caps hold over everything the unit has proposed for the year; all candidates of a
 * request are recorded or none. On PostgreSQL the unit's row is locked while checking, so two concurrent requests
 * cannot together exceed a cap (SQLite runs one transaction at a time).
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly em: EntityManager,
    private readonly packs: RulePacksService,
  ) {}

  async propose(body: ProposeDto, principal: Principal, language: Language, now = new Date()): Promise<ProposalDto[]> {
    // What a refusal after the transaction (a concurrent proposal won) names: the candidates and the title in words.
    const named = { names: '—', title: body.title };
    try {
      return await this.em.fork().transactional((em) => this.proposeIn(em, body, principal, language, { now, named }));
    } catch (error) {
      // A concurrent request proposed one of these candidates first; this one rolled back whole.
      if (error instanceof UniqueConstraintViolationException) throw new AppError('PROPOSAL_EXISTS', { name: named.names, title: named.title, year: body.year });
      throw error;
    }
  }

  /**
   * The same, inside the caller's transaction (a campaign's proposal task records its unit's proposals as the task
   * completes, with the campaign's id). `named` receives the candidates' names and the title in words, for a refusal
   * after a lost race.
   */
  async proposeIn(
    em: EntityManager,
    body: ProposeDto,
    principal: Principal,
    language: Language,
    { now, named = { names: '—', title: body.title }, campaignId = null }: { now: Date; named?: { names: string; title: string }; campaignId?: string | null },
  ): Promise<ProposalDto[]> {
    const isAdmin = principal.roles.includes('admin');
    const postgres = em.getPlatform().constructor.name.startsWith('PostgreSql');
    const unit = await em.findOne(Unit, body.unitId, postgres ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { id: body.unitId });
    if (!isAdmin && !(await mandatedFor(em, principal.personId, [unit.id]))) throw new AppError('PROPOSAL_FORBIDDEN', { unit: unit.name });
    const { pack, title } = this.packs.title(body.year, body.title);
    const proposed = await this.candidates(em, body, unit, title.subject === 'unit', isAdmin);
    // A commendation form rewards an achievement: the proposal must say what it was.
    const unexplained = title.kind === 'form' ? proposed.find((p) => !p.account) : undefined;
    if (unexplained) throw new AppError('PROPOSAL_ACCOUNT_REQUIRED', { name: unexplained.name, title: title.shortName[language] });

    const records = await loadEligibilityRecords(em, { personIds: proposed.flatMap((p) => (p.person ? [p.person.id] : [])), unitIds: [unit.id], year: body.year });
    const judged = proposed.map((p) => ({ ...p, result: evaluateEligibility(pack, records, p.candidate, title.code, body.year) }));
    named.names = judged.map((p) => p.name).join(', ');
    named.title = title.shortName[language];
    const refused = judged.filter((p) => !p.result.eligible && !p.overrideReason);
    if (refused.length) {
      throw new AppError(
        'PROPOSAL_INELIGIBLE',
        { title: title.shortName[language], year: body.year, names: refused.map((p) => p.name).join(', ') },
        refused.map((p) => ({ id: p.candidate.id, name: p.name, reasons: p.result.reasons.filter((r) => r.met === false).map((r) => r.text[language]) })),
      );
    }

    const keyOf = (candidate: Candidate) => `${candidate.subject}:${candidate.id}`;
    const earlier = await em.find(CommendationProposal, { unit, year: body.year }, { orderBy: { priority: 'asc' } });
    const repeated = earlier.find((e) => e.titleCode === title.code && judged.some((p) => keyOf(p.candidate) === e.recipientKey));
    if (repeated) {
      const name = judged.find((p) => keyOf(p.candidate) === repeated.recipientKey)!.name;
      throw new AppError('PROPOSAL_EXISTS', { name, title: title.shortName[language], year: body.year });
    }
    const all = [...earlier.map((e) => ({ candidateId: e.recipientKey, title: e.titleCode })), ...judged.map((p) => ({ candidateId: keyOf(p.candidate), title: title.code }))];
    const over = (applyCaps(pack, { [unit.id]: all }, { [unit.id]: capBasesOf(pack, records, unit.id, body.year) })[unit.id] ?? []).find((o) => o.exceeding.length);
    if (over) throw new AppError('CAP_EXCEEDED', { cap: over.text[language] }, { capId: over.capId, limit: over.limit, proposed: over.within.length + over.exceeding.length });

    const rows = judged.map((p, i) =>
      em.create(CommendationProposal, {
        unit,
        person: p.person,
        recipientKey: keyOf(p.candidate),
        year: body.year,
        titleCode: title.code,
        packKey: pack.key,
        eligible: p.result.eligible,
        reasons: p.result.reasons.map((r) => ({ rule: r.rule, source: r.source, met: r.met, vi: r.text.vi, en: r.text.en })),
        account: p.account,
        campaignId,
        overrideReason: p.overrideReason,
        overriddenBy: p.overrideReason ? em.getReference(Person, principal.personId) : null,
        priority: earlier.length + i + 1,
        proposedBy: em.getReference(Person, principal.personId),
        proposedAt: now,
      }),
    );
    await em.flush();
    return rows.map((row, i) => proposalDto(row, judged[i].name, language));
  }

  /** The unit's proposals of a year, optionally of one title, in the order they were made. */
  async list(unitId: string, year: number, title: string | undefined, principal: Principal, language: Language): Promise<ProposalDto[]> {
    const em = this.em.fork();
    const unit = await em.findOne(Unit, unitId);
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { id: unitId });
    if (!principal.roles.some((role) => EVERY_UNIT_ROLES.includes(role)) && !(await mandatedFor(em, principal.personId, [unit.id]))) {
      throw new AppError('PROPOSAL_FORBIDDEN', { unit: unit.name });
    }
    const rows = await em.find(CommendationProposal, { unit, year, ...(title ? { titleCode: title } : {}) }, { populate: ['person', 'decision'], orderBy: { priority: 'asc' } });
    return rows.map((row) => proposalDto(row, row.person?.fullName ?? unit.name, language));
  }

  /** The request's candidates, checked: the unit's staff that year, each once; an override only by an administrator, with a reason. */
  private async candidates(em: EntityManager, body: ProposeDto, unit: Unit, collective: boolean, isAdmin: boolean): Promise<Proposed[]> {
    const overrideOf = (override: { reason?: string } | undefined, name: string): string | null => {
      if (!override) return null;
      if (!isAdmin) throw new AppError('OVERRIDE_FORBIDDEN');
      const reason = override.reason?.trim();
      if (!reason) throw new AppError('OVERRIDE_REASON_REQUIRED', { name });
      return reason;
    };
    const accountOf = (given: { account?: string } | undefined) => given?.account?.trim() || null;
    if (collective) {
      const given = body.candidates?.[0];
      return [{ candidate: { subject: 'unit', id: unit.id }, name: unit.name, person: null, overrideReason: overrideOf(given?.override, unit.name), account: accountOf(given) }];
    }
    const wanted = body.candidates ?? [];
    if (!wanted.length) throw new AppError('PROPOSAL_EMPTY');
    const ids = wanted.map((c) => c.personId ?? '');
    const people = new Map((await em.find(Person, { id: { $in: ids.filter(Boolean) } })).map((person) => [person.id, person]));
    const staff = new Set((await em.find(StaffYear, { unit, year: body.year, person: { $in: [...people.keys()] } })).map((row) => row.person.id));
    const seen = new Set<string>();
    return wanted.map((c) => {
      const person = people.get(c.personId ?? '');
      if (!person) throw new AppError('PERSON_NOT_FOUND', { id: c.personId ?? '—' });
      if (!staff.has(person.id)) throw new AppError('CANDIDATE_NOT_IN_UNIT', { person: person.fullName, unit: unit.name, year: body.year });
      if (seen.has(person.id)) throw new AppError('PROPOSAL_CANDIDATE_REPEATED', { name: person.fullName });
      seen.add(person.id);
      return { candidate: { subject: 'person', id: person.id }, name: person.fullName, person, overrideReason: overrideOf(c.override, person.fullName), account: accountOf(c) };
    });
  }
}

export function proposalDto(row: CommendationProposal, name: string, language: Language): ProposalDto {
  return {
    id: row.id,
    candidate: { subject: row.person ? 'person' : 'unit', id: row.recipientKey.slice(row.recipientKey.indexOf(':') + 1), name },
    account: row.account,
    year: row.year,
    title: row.titleCode,
    packKey: row.packKey,
    eligible: row.eligible,
    reasons: row.reasons.map((r) => ({ rule: r.rule, source: r.source, met: r.met, text: r[language] })),
    overrideReason: row.overrideReason,
    proposedAt: row.proposedAt,
    status: row.status,
    pollId: row.pollId,
    decisionNumber: row.decision?.number ?? null,
  };
}
