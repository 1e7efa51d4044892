import { describe, expect, it } from 'vitest';
import { InvalidResourceNameError, UsageError } from '../../../../src/core/errors.js';
import type { RepositoryOptions } from '../../../../src/core/grammar/command-request.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { thrownBy } from '../grammar/thrown-by.js';

const ROLE = 'arn:aws:iam::123456789012:role/SnapshotRole';
const USAGE =
  '/es snapshot repo register <cluster> <repo> [type=s3|fs] [bucket=… region=… role_arn=… base_path=… location=… readonly=true]';

describe('repo register', () => {
  it.each<[string, RepositoryOptions]>([
    ['', {}],
    [' readonly=TRUE', { readonly: true }],
    [' type=S3', { type: 's3' }],
    [
      ` bucket=acme-snapshots region=eu-west-1 role_arn=${ROLE} base_path=bot/prod`,
      { type: 's3', bucket: 'acme-snapshots', region: 'eu-west-1', role_arn: ROLE, base_path: 'bot/prod' },
    ],
    [' region=us-gov-west-1 type=s3', { type: 's3', region: 'us-gov-west-1' }],
    [' location=/mnt/snapshots readonly=false', { type: 'fs', location: '/mnt/snapshots', readonly: false }],
    [' type=fs location="/mnt/my snapshots"', { type: 'fs', location: '/mnt/my snapshots' }],
  ])('reads the settings of "repo register prod migration%s"', (options, settings) => {
    // Act
    const request = parseCommand(`snapshot repo register prod migration${options}`);

    // Assess
    expect(request).toEqual({ verb: 'repo-register', cluster: 'prod', repository: 'migration', settings });
  });

  it('keeps only the settings that were given', () => {
    // Act
    const request = parseCommand('repo register prod m bucket=b12');

    // Assess
    expect(request.verb === 'repo-register' && Object.keys(request.settings)).toEqual(['type', 'bucket']);
  });

  it('accepts the verb written with a hyphen and a repository name in capitals', () => {
    // Act
    const request = parseCommand('REPO-REGISTER prod Migration');

    // Assess
    expect(request).toEqual({ verb: 'repo-register', cluster: 'prod', repository: 'Migration', settings: {} });
  });

  it.each([
    ['repo register', 'missing <cluster>'],
    ['repo register prod', 'missing <repo>'],
    ['repo register prod m x', 'unexpected "x"'],
    ['repo register prod m type=url', '"type=" takes s3 or fs, not "url"'],
    ['repo register prod m bucket=Bad_Bucket', '"bucket=" takes an S3 bucket name, not "Bad_Bucket"'],
    ['repo register prod m region=europe', '"region=" takes an AWS region such as eu-west-1, not "europe"'],
    [
      'repo register prod m role_arn=SnapshotRole',
      '"role_arn=" takes an IAM role ARN like arn:aws:iam::123456789012:role/Name, not "SnapshotRole"',
    ],
    ['repo register prod m readonly=yes', '"readonly=" takes true or false, not "yes"'],
    ['repo register prod m type=fs bucket=b1', '"bucket=" is an s3 setting'],
    ['repo register prod m type=s3 location=/x', '"location=" is an fs setting'],
    [
      'repo register prod m base_path=a location=/x',
      '"base_path=" is an s3 setting and "location=" an fs setting: use one type',
    ],
    [
      'repo register prod m compress=true',
      'unknown option "compress=": repo register takes type=, bucket=, region=, role_arn=, base_path=, location= and readonly=',
    ],
  ])('refuses %j', (text, message) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(message);
    expect(error.hint).toBe(USAGE);
  });

  it('refuses a repository name the cluster would refuse', () => {
    // Act
    const error = thrownBy(() => parseCommand('repo register prod _mine'));

    // Assess
    expect(error).toBeInstanceOf(InvalidResourceNameError);
    expect(error.message).toBe('repository name "_mine" must not start with "_"');
  });
});
