/** The value below which `rank` percent of the samples fall (nearest-rank). */
function percentile(samples: readonly number[], rank: number): number {
  const sorted = [...samples].sort((left, right) => left - right);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const median = (samples: readonly number[]) => percentile(samples, 50);

export { median, percentile };
