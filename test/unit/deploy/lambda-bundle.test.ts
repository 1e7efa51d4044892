import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLambdaBundles, LAMBDA_ENTRY_POINTS } from '../../../scripts/lambda-build.mjs';
import { signedSlashCommandEvent } from '../../fixtures/slack/signed-request.js';
import { buildSlashCommand } from '../../fixtures/slack/slash-command-body.js';

const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');
const SIGNING_SECRET = 'bundle-signing-secret';
const LEFT_OUT_PACKAGES = ['@slack/socket-mode', 'undici', 'ws', 'express', 'body-parser', 'raw-body', 'iconv-lite'];

let outdir: string;
let metafile: Metafile;

/** Imports the bundled fixture in a fresh Node, as Lambda would, and runs `script` against it; returns its stdout. */
function inFreshNode(script: string): string {
  const bundle = pathToFileURL(join(outdir, 'slack-fixture.mjs')).href;
  const run = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `const bundle = await import(${JSON.stringify(bundle)});\n${script}`],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`the bundle failed: ${run.stderr}`);
  return run.stdout;
}

function answerOf(text: string): { statusCode: number; body: string } {
  const event = signedSlashCommandEvent(buildSlashCommand({ text }), { signingSecret: SIGNING_SECRET });
  const script = [
    `const handler = await bundle.createBundledSlackHandler(${JSON.stringify(SIGNING_SECRET)});`,
    `const answer = await handler(${JSON.stringify(event)}, {});`,
    'process.stdout.write(JSON.stringify(answer));',
  ].join('\n');
  return JSON.parse(inFreshNode(script)) as { statusCode: number; body: string };
}

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'lambda-bundle-'));
  metafile = await buildLambdaBundles({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: { ...LAMBDA_ENTRY_POINTS, 'slack-fixture': 'test/fixtures/deploy/slack-bundle-entry.ts' },
    outdir,
  });
}, 60_000);

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

describe('the Lambda bundles', () => {
  it.each(['slack', 'worker', 'poller'])('leave the Socket Mode, HTTP and Express receivers out of %s', (name) => {
    const [, output] = Object.entries(metafile.outputs).find(([path]) => path.endsWith(`/${name}.mjs`)) ?? [];
    const inputs = Object.keys(output?.inputs ?? {});

    const leftIn = inputs.filter((input) => LEFT_OUT_PACKAGES.some((name) => input.includes(`node_modules/${name}/`)));

    expect(inputs.length).toBeGreaterThan(0);
    expect(leftIn).toEqual([]);
  });

  it.each(['slack', 'worker', 'poller'])('carries only the zod it uses in %s: English messages only', (name) => {
    const [, output] = Object.entries(metafile.outputs).find(([path]) => path.endsWith(`/${name}.mjs`)) ?? [];
    const locales = Object.keys(output?.inputs ?? {}).filter((input) =>
      /node_modules\/zod\/v4\/locales\/(?!en\.js$|index\.js$)/.test(input),
    );

    // `import { z } from 'zod'` keeps every locale (about 260 kB); `import * as z from 'zod'` lets esbuild drop them.
    expect(locales).toEqual([]);
  });

  it('answers a signed slash command with the working-on-it reply', () => {
    const answer = answerOf('snapshot list a');

    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('/es snapshot list a'),
    });
  });

  it('answers a mistyped command with the command it may have meant', () => {
    const answer = answerOf('snapshot lsit a');

    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('Did you mean');
  });

  it('refuses an App without a receiver, saying what is left out', () => {
    const stdout = inFreshNode(
      'try { bundle.appWithItsOwnReceiver(); } catch (error) { process.stdout.write(error.message); }',
    );

    expect(stdout).toContain('left out of the Lambda bundle');
  });
});
