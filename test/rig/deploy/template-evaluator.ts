import { asObject, type JsonObject, type Template } from './cloudformation-template.js';

/**
 * Works out Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Split, Fn::If, Fn::Equals and Fn::Not as CloudFormation would
 * for one set of stack parameters, so that assertions see the ARNs AWS would see (the domain list expanded,
 * conditions applied) rather than the template's syntax. Attributes of resources are fakes in the shape AWS gives
 * them; an intrinsic or attribute it does not know throws, so a new one in serverless.yml cannot pass unread.
 */

type EvaluatorOptions = {
  /** AWS::Region of the fake stack. */
  region: string;
  /** AWS::AccountId of the fake stack. */
  account: string;
  /** Stack parameters given at deploy time; the others take their Default. @default {} */
  parameters?: Record<string, string>;
};

type TemplateEvaluator = {
  /** The node with every intrinsic worked out, and AWS::NoValue (a false Fn::If branch) dropped. */
  resolve: (node: unknown) => unknown;
  condition: (name: string) => boolean;
  getAtt: (id: string, attribute: string) => string;
  ref: (name: string) => unknown;
};

const NO_VALUE = Symbol('AWS::NoValue');

function createTemplateEvaluator(template: Template, options: EvaluatorOptions): TemplateEvaluator {
  const { region, account, parameters = {} } = options;
  const parameter = (name: string): unknown => {
    const { Type, Default } = asObject(template.Parameters[name]);
    const value = parameters[name] ?? String(Default);
    return Type === 'CommaDelimitedList' ? value.split(',') : value;
  };
  const pseudo: JsonObject = {
    'AWS::Region': region,
    'AWS::AccountId': account,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
    'AWS::NoValue': NO_VALUE,
  };
  const property = (id: string, key: string) => resolve(asObject(template.Resources[id]?.Properties)[key]);
  const ref = (name: string): unknown => {
    if (name in pseudo) return pseudo[name];
    if (name in template.Parameters) return parameter(name);
    const type = template.Resources[name]?.Type;
    if (type === 'AWS::DynamoDB::Table') return property(name, 'TableName');
    if (type === 'AWS::Lambda::Function') return property(name, 'FunctionName');
    if (type === 'AWS::S3::Bucket') return property(name, 'BucketName');
    if (type === 'AWS::SQS::Queue') {
      return `https://sqs.${region}.amazonaws.com/${account}/${property(name, 'QueueName')}`;
    }
    if (type === undefined) throw new Error(`Ref to unknown ${name}`);
    return `${name}-physical-id`;
  };
  /** The attributes the template reads, each faked as the service would name it. */
  const attributes: Record<string, (id: string) => string> = {
    'AWS::DynamoDB::Table.Arn': (id) => `arn:aws:dynamodb:${region}:${account}:table/${ref(id)}`,
    'AWS::DynamoDB::Table.StreamArn': (id) => `${getAtt(id, 'Arn')}/stream/2026-11-24T00:00:00.000`,
    'AWS::Logs::LogGroup.Arn': (id) => `arn:aws:logs:${region}:${account}:log-group:${property(id, 'LogGroupName')}:*`,
    'AWS::Lambda::Function.Arn': (id) => `arn:aws:lambda:${region}:${account}:function:${ref(id)}`,
    'AWS::IAM::Role.Arn': (id) => `arn:aws:iam::${account}:role/${property(id, 'RoleName') ?? id}`,
    'AWS::S3::Bucket.Arn': (id) => `arn:aws:s3:::${ref(id)}`,
    'AWS::SQS::Queue.QueueName': (id) => String(property(id, 'QueueName')),
    'AWS::SQS::Queue.Arn': (id) => `arn:aws:sqs:${region}:${account}:${property(id, 'QueueName')}`,
  };
  const getAtt = (id: string, attribute: string): string => {
    const type = template.Resources[id]?.Type;
    const fake = attributes[`${type}.${attribute}`];
    if (fake === undefined) throw new Error(`no fake for Fn::GetAtt ${id}.${attribute} (${type})`);
    return fake(id);
  };
  const substitute = (text: string, variables: JsonObject) =>
    text.replace(/\$\{([^}!]+)\}/g, (_match, name: string) => {
      if (name in variables) return String(variables[name]);
      const [id = '', attribute] = name.split('.');
      return String(attribute === undefined ? ref(id) : getAtt(id, attribute));
    });
  const condition = (name: string): boolean => Boolean(resolve(template.Conditions[name]));
  const intrinsic = (name: string, args: unknown): unknown => {
    const list = args as unknown[];
    switch (name) {
      case 'Ref':
        return ref(args as string);
      case 'Fn::GetAtt':
        return getAtt(list[0] as string, list[1] as string);
      case 'Fn::Sub':
        return typeof args === 'string'
          ? substitute(args, {})
          : substitute(list[0] as string, asObject(resolve(list[1])));
      case 'Fn::Join':
        return (resolve(list[1]) as unknown[]).join(list[0] as string);
      case 'Fn::Split':
        return String(resolve(list[1])).split(list[0] as string);
      case 'Fn::If':
        return resolve(condition(list[0] as string) ? list[1] : list[2]);
      case 'Fn::Equals':
        return resolve(list[0]) === resolve(list[1]);
      case 'Fn::Not':
        return !resolve(list[0]);
      default:
        throw new Error(`the evaluator does not know ${name}`);
    }
  };
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve).filter((item) => item !== NO_VALUE);
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node);
    const [first] = entries;
    if (entries.length === 1 && first !== undefined && /^(Ref|Fn::|Condition$)/.test(first[0])) {
      return first[0] === 'Condition' ? condition(first[1] as string) : intrinsic(first[0], first[1]);
    }
    return Object.fromEntries(entries.map(([key, value]) => [key, resolve(value)]).filter(([, v]) => v !== NO_VALUE));
  };
  return { resolve, condition, getAtt, ref };
}

export type { EvaluatorOptions, TemplateEvaluator };
export { createTemplateEvaluator };
