/** What one run of the integration project counted, from vitest's JSON reporter. */
type TestCounts = { total: number; passed: number; failed: number; skipped: number };

/** The fields of vitest's JSON report this runner reads (it is Jest's shape). */
type JsonReport = {
  numTotalTests?: number;
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
};

/** The counts of a JSON report's text; a report that is no JSON object is an error naming the file. */
function countsOfReport(text: string, file: string): TestCounts {
  let report: JsonReport;
  try {
    report = JSON.parse(text) as JsonReport;
  } catch (error) {
    throw new Error(`${file} is not vitest's JSON report: ${(error as Error).message}`, { cause: error });
  }
  if (typeof report !== 'object' || report === null || typeof report.numTotalTests !== 'number') {
    throw new Error(`${file} is not vitest's JSON report: it has no numTotalTests`);
  }
  return {
    total: report.numTotalTests,
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/**
 * The engines the rig says it started, from the line its global setup prints (`rig: A OpenSearch 2.19.6 at …, B
 * Elasticsearch 7.10.2 at …`, or one name for both: `rig: OpenSearch 2.19.6 (…)`). Undefined without that line.
 */
function enginesOfRigLine(output: string): { a: string; b: string } | undefined {
  const line = output.split('\n').find((each) => each.startsWith('rig: '));
  if (line === undefined) return undefined;
  const names = [...line.matchAll(/\b(?:OpenSearch|Elasticsearch) \d+\.\d+\.\d+(?:-[\w.]+)?/g)].map(
    (match) => match[0],
  );
  const [a, b] = names;
  return a === undefined ? undefined : { a, b: b ?? a };
}

export { countsOfReport, enginesOfRigLine, type TestCounts };
