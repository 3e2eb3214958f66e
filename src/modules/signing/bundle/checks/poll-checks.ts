import { canonicalJson } from '../../../../common/hashing/canonical-json';
import type { Text } from '../../../../common/i18n/language';
import type { StoredChoice } from '../../../voting/entities/ballot.entity';
import { CountedBallot, receiptOf, tallyPoll, voterKeyOf } from '../../../voting/poll-tally';
import { explain } from '../../../voting/rules/tally';
import { BundleCheck, fromProblems, guarded } from '../bundle-check';
import type { BundlePoll } from '../bundle-format';
import type { BundleContents } from '../bundle-contents';

const pollSubject = (poll: BundlePoll): Text => ({ vi: `Biểu quyết “${poll.subject.label}”`, en: `Poll “${poll.subject.label}”` });

const voterName = (poll: BundlePoll, voterKey: string): string => {
  const member = poll.electorate.members.find((candidate) => voterKeyOf(poll.electorate.kind, candidate.id) === voterKey);
  return member?.code ?? voterKey;
};

/** The ballots that count, as the tally reads them; secret choices get placeholder voters (only their number matters). */
function countedBallots(poll: BundlePoll): CountedBallot[] {
  if (poll.ballots.secrecy === 'open') return poll.ballots.counted.map(({ voterKey, choice }) => ({ voterKey, choice }));
  return poll.ballots.choices.map((choice: StoredChoice, index) => ({ voterKey: `secret:${index}`, choice }));
}

/**
 * Open ballots: one per voter of the electorate, each receipt recomputed from the poll, the subject hash, the voter,
 * the choice, the sequence and the time. Secret ballots: as many receipts as choices.
 */
export function ballotChecks({ polls }: BundleContents): Promise<BundleCheck[]> {
  return Promise.all(
    polls.map((poll) =>
      guarded(`ballots:${poll.id}`, pollSubject(poll), () => {
        const problems: Text[] = [];
        const ballots = poll.ballots;
        if (ballots.secrecy === 'secret') {
          if (ballots.receipts.length !== ballots.choices.length) problems.push({ vi: `${ballots.receipts.length} biên nhận nhưng ${ballots.choices.length} phiếu`, en: `${ballots.receipts.length} receipts but ${ballots.choices.length} ballots` });
          return fromProblems(`ballots:${poll.id}`, pollSubject(poll), problems, { vi: `bỏ phiếu kín: ${ballots.choices.length} phiếu, mỗi phiếu một biên nhận`, en: `secret ballot: ${ballots.choices.length} ballots, one receipt each` });
        }
        const electorate = new Set(poll.electorate.members.map((member) => voterKeyOf(poll.electorate.kind, member.id)));
        const seen = new Set<string>();
        for (const ballot of ballots.counted) {
          const who = voterName(poll, ballot.voterKey);
          if (!electorate.has(ballot.voterKey)) problems.push({ vi: `phiếu của ${who} không thuộc danh sách biểu quyết`, en: `the ballot of ${who} is not from the electorate` });
          if (seen.has(ballot.voterKey)) problems.push({ vi: `${who} có hơn một phiếu được tính`, en: `${who} has more than one counted ballot` });
          seen.add(ballot.voterKey);
          const receipt = receiptOf({ pollId: poll.id, subjectHash: poll.subject.hash, voterKey: ballot.voterKey, choice: ballot.choice, sequence: ballot.sequence, castAt: new Date(ballot.castAt) });
          if (receipt !== ballot.receipt) problems.push({ vi: `phiếu của ${who}: biên nhận tính lại không khớp (phiếu hoặc biên nhận đã bị sửa)`, en: `ballot of ${who}: the recomputed receipt does not match (the ballot or its receipt was changed)` });
        }
        return fromProblems(`ballots:${poll.id}`, pollSubject(poll), problems, { vi: `${ballots.counted.length} phiếu công khai, biên nhận đều khớp`, en: `${ballots.counted.length} open ballots, every receipt matches` });
      }),
    ),
  );
}

/** Each closed poll's tally recomputed from its ballots with its rule gives the recorded outcome and arithmetic. */
export function tallyChecks({ polls }: BundleContents): Promise<BundleCheck[]> {
  return Promise.all(
    polls.map((poll) =>
      guarded(`tally:${poll.id}`, pollSubject(poll), () => {
        const key = `tally:${poll.id}`;
        if (poll.status !== 'closed') return fromProblems(key, pollSubject(poll), [], { vi: 'chưa kết thúc, chưa có kết quả để kiểm', en: 'still open, no result to check yet' });
        const tally = tallyPoll({
          rule: poll.rule,
          electorateKind: poll.electorate.kind,
          members: poll.electorate.members.length,
          chairUnitId: poll.chairUnitId,
          candidates: poll.candidates,
          ballots: countedBallots(poll),
        });
        const problems: Text[] = [];
        if (tally.outcome !== poll.outcome) problems.push({ vi: `tính lại từ các phiếu được “${tally.outcome}”, kết quả ghi nhận là “${String(poll.outcome)}”`, en: `recounting the ballots gives "${tally.outcome}", the recorded outcome is "${String(poll.outcome)}"` });
        if (canonicalJson(tally.decision) !== canonicalJson(poll.decision) || canonicalJson(tally.candidateDecisions) !== canonicalJson(poll.candidateDecisions)) {
          problems.push({ vi: 'phép tính ghi nhận (số phiếu, ngưỡng, túc số) khác phép tính lại từ các phiếu', en: 'the recorded arithmetic (counts, threshold, quorum) differs from the recount' });
        }
        const arithmetic = tally.decision ? { vi: explain(tally.decision, 'vi'), en: explain(tally.decision, 'en') } : { vi: 'từng ứng viên', en: 'per candidate' };
        return fromProblems(key, pollSubject(poll), problems, { vi: `tính lại: ${tally.outcome} (${arithmetic.vi})`, en: `recounted: ${tally.outcome} (${arithmetic.en})` });
      }),
    ),
  );
}
