import type { ServiceLevelGlanceFragment } from '../generated/graphql';
import { formatCompliance, formatTarget, periodNoun } from './figures';

/** How a period still running stands, in a word: its status is not final, so "on track" rather than "met". */
export function openPeriodWord(period: { atRisk: boolean; status: string; valid: number }): string {
  if (period.valid === 0) return 'No figures yet';
  if (period.atRisk) return 'At risk';
  return period.status === 'MET' ? 'On track' : 'Below target';
}

/** This period so far, in one line: "On track · This week (2026-W49): 92.1 % against 90 %". */
export function CurrentStanding({ level }: { level: ServiceLevelGlanceFragment }) {
  const current = level.currentPeriod;
  const noun = periodNoun(level.definition.period);
  if (current.valid === 0) {
    return <span className="tag tag-quiet">{`Measured · no figures this ${noun} yet`}</span>;
  }
  const word = openPeriodWord(current);
  const tone = word === 'On track' ? 'tag status-done' : 'tag tag-danger';
  return (
    <span className="standing">
      <span className={tone}>{word}</span>{' '}
      {`This ${noun} (${current.label}): ${formatCompliance(current.compliance, current.target)} against ${formatTarget(current.target)}`}
    </span>
  );
}
