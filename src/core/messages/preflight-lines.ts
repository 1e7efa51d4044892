import { type PreflightFinding, type PreflightStatus, preflightStatus } from '../preflight/preflight-findings.js';
import type { PreflightWords } from '../words/preflight-words.js';

const STATUS_MARK: Record<PreflightStatus, string> = { passed: '✓', warning: '⚠', failed: '✗' };

/** One line per check: its mark, what it found, and what to do when it blocks. */
function findingLines(findings: readonly PreflightFinding[], words: PreflightWords): string[] {
  return findings.map((finding) => {
    const said = words.preflightFinding(finding);
    const todo = said.hint === undefined ? '' : ` — ${said.hint}`;
    return `${STATUS_MARK[preflightStatus(finding)]} ${said.text}${todo}`;
  });
}

/** The preflight as the approval message shows it; a plan stored before the preflight existed shows none. */
function preflightLines(findings: readonly PreflightFinding[] | undefined, words: PreflightWords): string[] {
  if (findings === undefined || findings.length === 0) return [];
  return [words.preflightTitle, ...findingLines(findings, words)];
}

export { findingLines, preflightLines };
