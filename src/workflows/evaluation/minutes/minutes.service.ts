import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import type { Language } from '../../../common/i18n/language';
import { MinutesData, minutesPdf } from '../../../modules/commendations/minutes/minutes-pdf';
import { thresholdArithmetic } from '../../../modules/commendations/minutes/vote-arithmetic';
import { RankingEntry } from '../../../modules/scoring/entities/ranking-entry.entity';
import { ScoringTableVersion } from '../../../modules/scoring/entities/scoring-table-version.entity';
import { inRankOrder, tieBreakLinesOf, tiedUnits } from '../../../modules/scoring/ranking/ranking-breakdown';
import type { EvaluationContext, LocalText } from '../../../modules/scoring/table/scoring-table';
import { Poll } from '../../../modules/voting/entities/poll.entity';
import { formatFraction } from '../../../modules/voting/rules/fraction';
import { explain } from '../../../modules/voting/rules/tally';
import type { VotingRule } from '../../../modules/voting/rules/voting-rule';
import { Campaign } from '../../engine/entities/campaign.entity';

export interface MinutesFile {
  filename: string;
  body: Buffer;
}

/** The rule in words: "ít nhất 4/5 tổng số thành viên (đồng ý × 5 ≥ thành viên × 4)". */
export function ruleWords(rule: VotingRule, language: Language): string {
  const { numerator, denominator } = rule.threshold;
  const symbol = rule.comparison === '>' ? '>' : '≥';
  const base =
    language === 'vi'
      ? `${rule.comparison === '>' ? 'hơn' : 'ít nhất'} ${formatFraction(rule.threshold)} ${{ members: 'tổng số thành viên', cast: 'số phiếu biểu quyết', present: 'số thành viên có mặt' }[rule.denominator]}`
      : `${rule.comparison === '>' ? 'more than' : 'at least'} ${formatFraction(rule.threshold)} of ${{ members: 'all members', cast: 'the ballots cast', present: 'the members present' }[rule.denominator]}`;
  const agree = language === 'vi' ? 'đồng ý' : 'agree';
  const against = language === 'vi' ? { members: 'thành viên', cast: 'số phiếu', present: 'có mặt' }[rule.denominator] : rule.denominator;
  return `${base} (${agree} × ${denominator} ${symbol} ${against} × ${numerator})`;
}

const textIn = (text: LocalText | undefined, language: Language): string | undefined =>
  text === undefined ? undefined : typeof text === 'string' ? text : language === 'en' ? (text.en ?? text.vi) : text.vi;

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * The minutes of the review and acclamation (biên bản họp bình xét, suy tôn) of a campaign, from its stored facts: the
 * cluster and its members, the ranking run named in `context.ranking`, and the closed acclamation poll named in
 * `context.nomination` (counts and arithmetic only: a secret ballot's choices are never read). Available once that
 * poll has closed; the PDF's date is the poll's close, so the same facts give the same bytes.
 */
@Injectable()
export class MinutesService {
  constructor(private readonly em: EntityManager) {}

  /** Whether the campaign's minutes can be made now (its acclamation poll has closed). */
  async available(campaign: Campaign): Promise<boolean> {
    const pollId = (campaign.context as EvaluationContext).nomination?.pollId;
    return pollId !== undefined && (await this.em.fork().count(Poll, { id: pollId, status: 'closed' })) === 1;
  }

  /** @throws AppError CAMPAIGN_NOT_FOUND; MINUTES_NOT_READY before the acclamation poll has closed. */
  async pdf(campaignId: string, language: Language): Promise<MinutesFile> {
    const em = this.em.fork();
    const campaign = await em.findOne(Campaign, campaignId, { populate: ['subjectCluster', 'subjectCluster.members', 'subjectCluster.headUnit', 'subjectCluster.deputyUnit', 'subjectUnit'] });
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { id: campaignId });
    const context = campaign.context as EvaluationContext;
    const poll = context.nomination ? await em.findOne(Poll, context.nomination.pollId) : null;
    if (!poll || poll.status !== 'closed' || !poll.closedAt) throw new AppError('MINUTES_NOT_READY');

    const cluster = campaign.subjectCluster;
    const members: MinutesData['members'] = cluster
      ? cluster.members
          .getItems()
          .filter((unit) => !unit.archivedAt)
          .map((unit) => ({ id: unit.id, name: unit.name, role: unit.id === cluster.headUnit?.id ? ('head' as const) : unit.id === cluster.deputyUnit?.id ? ('deputy' as const) : ('member' as const) }))
          .sort((a, b) => ['head', 'deputy', 'member'].indexOf(a.role) - ['head', 'deputy', 'member'].indexOf(b.role) || a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id))
          .map(({ name, role }) => ({ name, role }))
      : campaign.subjectUnit
        ? [{ name: campaign.subjectUnit.name, role: 'member' as const }]
        : [];

    const entries = context.ranking ? await em.find(RankingEntry, { stageRunId: context.ranking.stageRunId }, { populate: ['unit'] }) : [];
    inRankOrder(entries);
    const grades = await this.gradeLabels(em, entries, language);
    const names = new Map(entries.map((entry) => [entry.unit.id, entry.unit.name]));
    const tiedOf = tiedUnits(entries);
    const linesOf = tieBreakLinesOf(entries);
    const tieLines = entries.flatMap((entry) => {
      const lines = (linesOf.get(entry.unit.id) ?? []).map((line) => line[language]);
      const tied = tiedOf.get(entry.unit.id) ?? [];
      if (!tied.length && (!entry.decidedBy || entry.decidedBy === 'total')) return [];
      if (lines.length) return lines.map((line) => `${entry.unit.name}: ${line}`);
      const others = tied.map((other) => other.unit.name).join(', ');
      return [language === 'vi' ? `${entry.unit.name}: đồng hạng ${entry.rank} với ${others}.` : `${entry.unit.name}: shares rank ${entry.rank} with ${others}.`];
    });

    const decisions = poll.candidateDecisions ?? [];
    const passed = decisions.filter((entry) => entry.decision.outcome === 'passed');
    const acclaimedIds = context.acclaimed?.pollId === poll.id ? context.acclaimed.unitIds : passed.map((entry) => entry.id);
    const labelOf = new Map(decisions.map((entry) => [entry.id, entry.label]));
    const data: MinutesData = {
      language,
      cluster: { name: cluster?.name ?? campaign.subjectUnit?.name ?? campaign.name, year: campaign.year },
      campaign: campaign.name,
      members,
      ranking: entries.map((entry) => ({ rank: entry.rank, unit: entry.unit.name, total: entry.total, grade: entry.grade ? (grades.get(entry.grade) ?? entry.grade) : null })),
      tieLines,
      vote: {
        subject: poll.subjectLabel,
        secret: poll.rule.ballot === 'secret',
        rule: ruleWords(poll.rule, language),
        members: poll.electorate.length,
        ballots: decisions[0]?.decision.arithmetic.ballots ?? 0,
        candidates: decisions.map((entry) => ({
          unit: entry.label,
          agree: entry.decision.arithmetic.agree,
          disagree: entry.decision.arithmetic.disagree,
          abstain: entry.decision.arithmetic.abstain,
          passed: entry.decision.outcome === 'passed',
          explanation: explain(entry.decision, language),
          arithmetic: thresholdArithmetic(entry.decision, language),
        })),
      },
      acclaimed: acclaimedIds.map((id) => labelOf.get(id) ?? names.get(id) ?? id),
      chair: cluster?.headUnit?.name ?? '',
      closedAt: poll.closedAt,
    };
    const body = await minutesPdf(data);
    return { filename: `bien-ban-suy-ton-${slug(data.cluster.name) || 'cum-thi-dua'}-${campaign.year}.pdf`, body };
  }

  /** Grade code → label, from the scoring table version the ranking used (when its breakdown names one). */
  private async gradeLabels(em: EntityManager, entries: RankingEntry[], language: Language): Promise<Map<string, string>> {
    const versionIds = [...new Set(entries.flatMap((entry) => (typeof entry.breakdown?.tableVersionId === 'string' ? [entry.breakdown.tableVersionId] : [])))];
    const labels = new Map<string, string>();
    if (!versionIds.length) return labels;
    for (const version of await em.find(ScoringTableVersion, { id: { $in: versionIds } })) {
      for (const grade of version.document.grades ?? []) if (!labels.has(grade.code)) labels.set(grade.code, textIn(grade.label, language) ?? grade.code);
    }
    return labels;
  }
}
