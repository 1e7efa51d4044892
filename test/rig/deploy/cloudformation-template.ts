import { readFile } from 'node:fs/promises';

/**
 * The parts of a CloudFormation template the deploy tests read. The template is JSON that osls wrote, so these
 * types are a promise about its shape rather than a check: a test that reads a missing key fails on its assertion.
 */
type JsonObject = Record<string, unknown>;
type Template = { Parameters: JsonObject; Conditions: JsonObject; Resources: Record<string, JsonObject> };
type Statement = { Effect: string; Action: string | string[]; Resource: string | string[]; Condition?: JsonObject };

const asObject = (value: unknown): JsonObject => value as JsonObject;
// IAM takes a single action or resource in place of a one-element list; assertions compare lists.
const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

async function readTemplate(path: string): Promise<Template> {
  return JSON.parse(await readFile(path, 'utf8')) as Template;
}

export type { JsonObject, Statement, Template };
export { asList, asObject, readTemplate };
