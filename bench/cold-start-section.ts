import { packageShares } from './bundle-inputs.js';
import { type ImportCost, measureImportCosts } from './import-cost.js';
import { type BuiltBundle, buildBenchBundles } from './lambda-bundles.js';
import { type BenchSection, kb, mb, ms, type TargetCheck, times } from './section.js';

/** The slack bundle against the bare Bolt app, built with the same settings (the targets, not looser). */
const TARGETS = { bytesRatio: 1.25, importCpuRatio: 1.2 };

type Measured = { bundle: BuiltBundle; cost: ImportCost };

function costRow({ bundle, cost }: Measured, bare: Measured): string {
  const ratio = (value: number, reference: number) => times(value / reference);
  return [
    `| ${bundle.label} | ${mb(bundle.bytes)} (${ratio(bundle.bytes, bare.bundle.bytes)})`,
    `${ms(cost.cpuMs)} (${ratio(cost.cpuMs, bare.cost.cpuMs)})`,
    `${cost.maxRssMb.toFixed(0)} MB (${ratio(cost.maxRssMb, bare.cost.maxRssMb)})`,
    `${ms(cost.importWallMs)} (${ratio(cost.importWallMs, bare.cost.importWallMs)}) |`,
  ].join(' | ');
}

function checks(slack: Measured, bare: Measured): TargetCheck[] {
  const bytesRatio = slack.bundle.bytes / bare.bundle.bytes;
  const cpuRatio = slack.cost.cpuMs / bare.cost.cpuMs;
  return [
    {
      target: `slack bundle at most ${TARGETS.bytesRatio}x the bare Bolt app's bytes`,
      measured: `${times(bytesRatio)}: ${mb(slack.bundle.bytes)} against ${mb(bare.bundle.bytes)}`,
      met: bytesRatio <= TARGETS.bytesRatio,
    },
    {
      target: `importing the slack bundle costs at most ${TARGETS.importCpuRatio}x the bare Bolt app's CPU`,
      measured: `${times(cpuRatio)}: ${ms(slack.cost.cpuMs)} against ${ms(bare.cost.cpuMs)}`,
      met: cpuRatio <= TARGETS.importCpuRatio,
    },
  ];
}

function topInputs(slack: BuiltBundle, bare: BuiltBundle): string[] {
  const bareShares = new Map(packageShares(bare, 1000).map((share) => [share.name, share.bytes]));
  return [
    '| input (package or src/ folder) | in the slack bundle | in the bare Bolt app |',
    '| --- | --- | --- |',
    ...packageShares(slack).map(
      (share) => `| \`${share.name}\` | ${kb(share.bytes)} | ${kb(bareShares.get(share.name) ?? 0)} |`,
    ),
  ];
}

/**
 * Bundle size and import cost of the bot's Lambda bundles beside a bare Bolt app's, built by the same settings
 * (scripts/lambda-build.mjs) in the same run, with the slack bundle's biggest inputs from its metafile.
 */
async function coldStartSection(runs = 15): Promise<BenchSection> {
  const bundles = await buildBenchBundles();
  const ordered = [bundles.bare, bundles.bareTrimmed, bundles.slack, bundles.worker, bundles.poller];
  const costs = measureImportCosts(
    ordered.map((bundle) => bundle.path),
    runs,
  );
  const measured = ordered.map((bundle, index) => ({ bundle, cost: costs.bundles[index] as ImportCost }));
  const [bare, bareTrimmed, slack] = measured as [Measured, Measured, Measured, ...Measured[]];
  return {
    markdown: [
      '## Cold start: loading each bundle',
      '',
      `Each bundle imported by a fresh Node process, median of ${runs} processes per bundle, the bundles taking turns. CPU is user + system of the whole process when the import has finished, Node's own start included (Node importing nothing: ${ms(costs.node.cpuMs)} CPU, ${costs.node.maxRssMb.toFixed(0)} MB). Ratios are to the bare Bolt app: Bolt on \`AwsLambdaReceiver\` with one command listener that only acks (bench/bare-bolt/app.ts), bundled with the same esbuild settings as the functions (scripts/lambda-build.mjs) but with Bolt whole, as any Bolt app is bundled. The second row is that app with the parts of Bolt a Lambda never runs left out, as the bot's bundles are built: it is the floor of this approach, not the target's reference.`,
      '',
      '| bundle | size | import CPU | peak RSS | import wall time |',
      '| --- | --- | --- | --- | --- |',
      ...measured.map((entry) => costRow(entry, bare)),
      '',
      `Against the trimmed bare app, the slack bundle is ${times(slack.bundle.bytes / bareTrimmed.bundle.bytes)} its bytes and ${times(slack.cost.cpuMs / bareTrimmed.cost.cpuMs)} its import CPU.`,
      '',
      "### What the slack bundle is made of (its metafile's inputs, minified bytes)",
      '',
      ...topInputs(slack.bundle, bare.bundle),
      '',
    ],
    checks: checks(slack, bare),
  };
}

export { coldStartSection };
