/**
 * One family of the reliability suite: how many cases it ran and how many met the bar, said in one closing line
 * (`forged requests: 1,200 cases, 1,200 refused`) so that a run shows the figures, not only a green tick.
 */
function familyTally(family: string, verdict: string, unit = 'cases') {
  let cases = 0;
  let met = 0;
  return {
    record(ok: boolean): void {
      cases += 1;
      if (ok) met += 1;
    },
    get cases() {
      return cases;
    },
    get met() {
      return met;
    },
    line(extra: string[] = []): string {
      const figures = [`${cases.toLocaleString('en')} ${unit}`, `${met.toLocaleString('en')} ${verdict}`, ...extra];
      return `${family}: ${figures.join(', ')}`;
    },
    /** Prints the closing line where the test runner shows a file's output. */
    print(extra: string[] = []): void {
      process.stdout.write(`${this.line(extra)}\n`);
    },
  };
}

type FamilyTally = ReturnType<typeof familyTally>;

export type { FamilyTally };
export { familyTally };
