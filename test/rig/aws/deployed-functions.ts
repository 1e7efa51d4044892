import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Template } from '../deploy/cloudformation-template.js';
import type { FunctionName } from '../deploy/osls-package.js';
import type { TemplateEvaluator } from '../deploy/template-evaluator.js';
import { type LambdaFunction, runtimeEnvironment } from './lambda-runtime.js';

/**
 * The functions as the packaged template deploys them: name, handler, timeout, memory and environment, every
 * intrinsic worked out for the stack's parameters, so the rig runs each bundle with exactly what Lambda would set.
 */

type FunctionProperties = {
  FunctionName: string;
  Handler: string;
  Timeout: number;
  MemorySize: number;
  Environment?: { Variables: Record<string, unknown> };
};

type StreamFilter = { Pattern: string };

const LOGICAL_IDS: Record<FunctionName, string> = {
  slack: 'SlackLambdaFunction',
  worker: 'WorkerLambdaFunction',
  poller: 'PollerLambdaFunction',
};

/** `dist/lambda/worker.handler` → the module `dist/lambda/worker.mjs` under the package root. */
function bundleOf(taskRoot: string, handler: string): string {
  const module = handler.slice(0, handler.lastIndexOf('.'));
  return join(taskRoot, `${module}.mjs`);
}

function deployedFunction(
  template: Template,
  evaluator: TemplateEvaluator,
  options: { name: FunctionName; taskRoot: string; region: string },
): LambdaFunction {
  const resource = template.Resources[LOGICAL_IDS[options.name]];
  if (resource === undefined) throw new Error(`the template has no ${LOGICAL_IDS[options.name]}`);
  const properties = evaluator.resolve(resource.Properties) as FunctionProperties;
  const variables = Object.entries(properties.Environment?.Variables ?? {}).map(([k, v]) => [k, String(v)]);
  return {
    name: properties.FunctionName,
    bundle: bundleOf(options.taskRoot, properties.Handler),
    taskRoot: options.taskRoot,
    timeoutSeconds: properties.Timeout,
    environment: {
      ...runtimeEnvironment(properties.FunctionName, options.region, properties.MemorySize),
      ...Object.fromEntries(variables),
    },
  };
}

/** How Lambda feeds a function from a stream, as its event source mapping says. */
type StreamMapping = {
  /** The filter patterns, parsed: a record none of them passes is dropped unseen. */
  filterPatterns: unknown[];
  /** Retries after a failed invocation, before the record is set aside (-1: until it expires). */
  maximumRetryAttempts: number;
  /** The ARN of the queue or topic a record is set aside to; undefined: it is dropped. */
  onFailureDestination: string | undefined;
};

type MappingProperties = {
  FilterCriteria?: { Filters?: StreamFilter[] };
  MaximumRetryAttempts?: number;
  DestinationConfig?: { OnFailure?: { Destination?: string } };
};

/** The stream event source mapping that feeds `functionLogicalId`, every intrinsic worked out. */
function streamMapping(template: Template, evaluator: TemplateEvaluator, functionLogicalId: string): StreamMapping {
  const source = Object.values(template.Resources).find(
    (resource) =>
      resource.Type === 'AWS::Lambda::EventSourceMapping' &&
      JSON.stringify((resource.Properties as Record<string, unknown>).FunctionName).includes(functionLogicalId),
  );
  const mapping = source && (evaluator.resolve(source.Properties) as MappingProperties);
  if (mapping === undefined) throw new Error(`no event source mapping feeds ${functionLogicalId}`);
  const filters = mapping.FilterCriteria?.Filters ?? [];
  return {
    filterPatterns: filters.map((filter) => JSON.parse(filter.Pattern) as unknown),
    maximumRetryAttempts: mapping.MaximumRetryAttempts ?? -1,
    onFailureDestination: mapping.DestinationConfig?.OnFailure?.Destination,
  };
}

/** The ScheduleExpression of the EventBridge rule that targets `functionLogicalId`, e.g. `rate(1 minute)`. */
function scheduleOf(template: Template, functionLogicalId: string): string {
  const rule = Object.values(template.Resources).find(
    (resource) =>
      resource.Type === 'AWS::Events::Rule' && JSON.stringify(resource.Properties).includes(functionLogicalId),
  );
  const expression = (rule?.Properties as { ScheduleExpression?: unknown } | undefined)?.ScheduleExpression;
  if (typeof expression !== 'string') throw new Error(`no schedule rule targets ${functionLogicalId}`);
  return expression;
}

/** The event EventBridge sends a function on a schedule. */
function scheduledEvent(region: string, account: string, ruleName: string) {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account,
    time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [`arn:aws:events:${region}:${account}:rule/${ruleName}`],
    detail: {},
  };
}

export { deployedFunction, LOGICAL_IDS, type StreamMapping, scheduledEvent, scheduleOf, streamMapping };
