import { describe, expect, it } from 'vitest';
import {
  answersRepositories,
  asServiceAnswers,
  bucketFolder,
  mapS3Registration,
  s3SettingsOf,
} from '../../rig/s3-repository-contract.js';

const ROLE = 'arn:aws:iam::123456789012:role/snapshots/TheSnapshotRole';
const CALLER = { arn: 'arn:aws:sts::123456789012:assumed-role/bot/session', passableRoles: [ROLE] };
const ROOT = '/repo/';

function buildSettings(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { bucket: 'acme-snapshots', region: 'eu-west-1', role_arn: ROLE, ...overrides };
}

function refusalOf(settings: Record<string, unknown>) {
  const mapped = mapS3Registration(settings, CALLER, ROOT);
  return 'status' in mapped ? mapped : undefined;
}

describe('mapS3Registration', () => {
  it('registers an fs repository in the bucket and base path folder, readonly passed on', () => {
    // Act
    const mapped = mapS3Registration(
      buildSettings({ base_path: '/team/nightly/', readonly: true, server_side_encryption: true }),
      CALLER,
      ROOT,
    );

    // Assess
    expect(mapped).toMatchObject({ location: '/repo/s3-buckets/acme-snapshots/team/nightly' });
    const body = JSON.parse(('body' in mapped ? mapped.body : Buffer.from('{}')).toString('utf8'));
    expect(body).toMatchObject({
      type: 'fs',
      settings: { location: '/repo/s3-buckets/acme-snapshots/team/nightly', readonly: true },
    });
  });

  it('keeps no readonly setting when none was given', () => {
    const mapped = mapS3Registration(buildSettings(), CALLER, ROOT);

    const body = JSON.parse(('body' in mapped ? mapped.body : Buffer.from('{}')).toString('utf8'));
    expect(body.settings).not.toHaveProperty('readonly');
    expect(body.settings.location).toBe('/repo/s3-buckets/acme-snapshots');
  });

  it('takes an endpoint instead of a region', () => {
    expect(refusalOf(buildSettings({ region: undefined, endpoint: 's3.amazonaws.com' }))).toBeUndefined();
  });

  it.each([
    ['no bucket', { bucket: undefined }, /Missing required settings for an s3 repository: bucket\./],
    ['no region', { region: undefined }, /Missing required settings for an s3 repository: region\./],
    ['no role_arn', { role_arn: undefined }, /Missing required settings for an s3 repository: role_arn\./],
    ['an empty role_arn', { role_arn: '' }, /role_arn/],
    ['a user ARN', { role_arn: 'arn:aws:iam::123456789012:user/me' }, /Invalid role_arn .*:role\/<name>/],
    ['a short account', { role_arn: 'arn:aws:iam::1234:role/snap' }, /Invalid role_arn/],
    ['a role without a name', { role_arn: 'arn:aws:iam::123456789012:role/' }, /Invalid role_arn/],
    ['a bucket naming a folder', { bucket: '../etc' }, /Invalid bucket name '\.\.\/etc'/],
    ['a base_path leaving the bucket', { base_path: 'a/../../b' }, /Invalid base_path/],
    ['a Glacier storage class', { storage_class: 'glacier' }, /S3 Glacier storage classes/],
    ['the Deep Archive storage class', { storage_class: 'DEEP_ARCHIVE' }, /S3 Glacier storage classes/],
    [
      'unknown settings',
      { location: '/etc', kms_key: 'k' },
      /Unknown settings for an s3 repository: location, kms_key\./,
    ],
  ])('refuses %s with 400', (_case, overrides, message) => {
    const refusal = refusalOf(buildSettings(overrides));

    expect(refusal?.status).toBe(400);
    expect(refusal?.message).toMatch(message);
  });

  it("refuses a role the caller may not pass with the service's iam:PassRole answer", () => {
    const other = 'arn:aws:iam::123456789012:role/Other';

    const refusal = refusalOf(buildSettings({ role_arn: other }));

    expect(refusal).toEqual({
      status: 403,
      message: `User: ${CALLER.arn} is not authorized to perform: iam:PassRole on resource: ${other}`,
    });
  });

  it('takes a storage class that is not Glacier', () => {
    expect(refusalOf(buildSettings({ storage_class: 'standard_ia' }))).toBeUndefined();
  });
});

describe('asServiceAnswers', () => {
  it('answers an s3 repository with its s3 settings as strings, never the folder underneath', () => {
    // Prepare
    const mapped = mapS3Registration(buildSettings({ readonly: true }), CALLER, ROOT);
    const registered = JSON.parse(('body' in mapped ? mapped.body : Buffer.from('{}')).toString('utf8'));
    const engine = {
      mine: { type: 'fs', settings: { ...registered.settings, readonly: 'true' } },
      local: { type: 'fs', settings: { location: '/repo/local' } },
    };

    // Act
    const answered = asServiceAnswers(engine);

    // Assess
    expect(answered).toEqual({
      mine: {
        type: 's3',
        settings: { bucket: 'acme-snapshots', region: 'eu-west-1', role_arn: ROLE, readonly: 'true' },
      },
      local: engine.local,
    });
  });

  it.each([[null], ['text'], [{ broken: null }]])('leaves %j as it is', (body) => {
    expect(asServiceAnswers(body)).toEqual(body);
  });
});

describe('s3SettingsOf', () => {
  it.each([
    ['an s3 registration', { type: 's3', settings: { bucket: 'b' } }, { bucket: 'b' }],
    ['an s3 registration without settings', { type: 's3' }, {}],
    ['an fs registration', { type: 'fs', settings: { location: '/x' } }, undefined],
    ['a JSON array', [], undefined],
  ])('reads %s', (_case, body, settings) => {
    expect(s3SettingsOf(Buffer.from(JSON.stringify(body)))).toEqual(settings);
  });

  it('leaves a body that is not JSON to the engine', () => {
    expect(s3SettingsOf(Buffer.from('{not json'))).toBeUndefined();
  });
});

describe('answersRepositories', () => {
  it.each([
    ['GET', ['_snapshot'], true],
    ['GET', ['_snapshot', '_all'], true],
    ['GET', ['_snapshot', 'a,b'], true],
    ['GET', ['_snapshot', '_status'], false],
    ['GET', ['_snapshot', 'a', '_all'], false],
    ['PUT', ['_snapshot', 'a'], false],
    ['GET', ['_cat', 'repositories'], false],
  ])('%s /%s: %s', (method, segments, expected) => {
    expect(answersRepositories(method, segments as string[])).toBe(expected);
  });
});

describe('bucketFolder', () => {
  it('puts each bucket in its own folder and the base path below it', () => {
    expect(bucketFolder('/repo', 'b', 'x//y/')).toBe('/repo/s3-buckets/b/x/y');
    expect(bucketFolder('/repo', 'b', undefined)).toBe('/repo/s3-buckets/b');
  });
});
