import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './osls-package.js';

/**
 * cfn-lint checks the template against the CloudFormation resource specifications, which catches what osls
 * passes through unread (a misspelt property, a condition that cannot hold). It is a Python tool, so it lives in
 * a venv under .cache/, pinned, and is installed once per checkout rather than being a dependency of the project.
 */

const run = promisify(execFile);
const CFN_LINT_VERSION = '1.58.0';
const CFN_LINT_HOME = join(PROJECT_ROOT, '.cache', `cfn-lint-${CFN_LINT_VERSION}`);

/** cfn-lint from PyPI in a venv under .cache/, installed once per checkout; resolves to its executable. */
async function ensureCfnLint(): Promise<string> {
  const marker = join(CFN_LINT_HOME, '.installed');
  if (!existsSync(marker)) {
    await rm(CFN_LINT_HOME, { recursive: true, force: true });
    await run('python3', ['-m', 'venv', CFN_LINT_HOME]).catch((error: Error) => {
      throw new Error(`cfn-lint needs python3 with its venv module (Debian: python3-venv): ${error.message}`, {
        cause: error,
      });
    });
    const pip = join(CFN_LINT_HOME, 'bin/pip');
    await run(pip, ['install', '--quiet', '--disable-pip-version-check', `cfn-lint==${CFN_LINT_VERSION}`]);
    await writeFile(marker, '');
  }
  return join(CFN_LINT_HOME, 'bin/cfn-lint');
}

/** Runs cfn-lint with `args`; resolves to what it reported, '' when the template is clean. */
function cfnLintProblems(cfnLint: string, args: string[]): Promise<string> {
  return run(cfnLint, args).then(
    () => '',
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
  );
}

export { cfnLintProblems, ensureCfnLint };
