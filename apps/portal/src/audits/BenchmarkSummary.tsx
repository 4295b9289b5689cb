import { INDUSTRY_LABELS } from '@csp/domain';
import type { AuditResultsFragment } from '../generated/graphql';
import { formatDate, formatNumber } from '../ui/format';
import './audits.css';

type Benchmark = NonNullable<AuditResultsFragment['benchmark']>;

/**
 * The industry benchmark beside the overall score. The API sends 5-point bands only (no mean, so nothing here
 * can be turned back into one client's score), so they are shown as bands: "about 65", "55 to 75".
 */
export function BenchmarkSummary({ benchmark, published }: { benchmark: Benchmark; published: boolean }) {
  const industry = INDUSTRY_LABELS[benchmark.industry];
  const when = published
    ? `as it stood when this audit was published (${formatDate(benchmark.asOf)})`
    : 'as it stands today; it is fixed when this audit is published';
  const { overall } = benchmark;
  if (!overall) {
    return (
      <div>
        <p className="eyebrow">{industry} benchmark</p>
        <p className="benchmark-unavailable">Not enough comparable clients</p>
        <p className="muted">
          A benchmark needs at least {formatNumber(benchmark.minimumContributors)} other {industry} clients
          with a published audit on this framework; there {benchmark.contributors === 1 ? 'was' : 'were'}{' '}
          {benchmark.contributors === 0 ? 'none' : formatNumber(benchmark.contributors)}, {when}.
        </p>
      </div>
    );
  }
  return (
    <div>
      <p className="eyebrow">{industry} benchmark</p>
      <p className="big-number">about {formatNumber(overall.median)}</p>
      <p className="muted">
        Median of {formatNumber(overall.count)} other clients; the middle half score about{' '}
        {formatNumber(overall.lowerQuartile)} to {formatNumber(overall.upperQuartile)}. Rounded to 5 points,{' '}
        {when}.
      </p>
    </div>
  );
}
