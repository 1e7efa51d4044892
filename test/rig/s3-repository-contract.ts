import type { Refusal } from './managed-service-rules.js';

/**
 * A signing identity as the service's IAM check sees it: its ARN (named in refusals) and the snapshot roles it may
 * hand to the service (`iam:PassRole`).
 */
type Caller = { arn: string; passableRoles: readonly string[] };

/** An s3 registration the gateway takes, as the `fs` registration it makes on the engine instead. */
type MappedRegistration = {
  /** The bucket + base path's own directory under the engines' shared `path.repo`. */
  location: string;
  /** The body to send the engine: `type: fs` at `location`, carrying the service's view of the repository. */
  body: Buffer;
};

/**
 * The setting under which the engine keeps what the service answers for the repository (its s3 settings, as
 * strings). Kept on the engine, not in the gateway, so that every gateway in front of that engine, in any test
 * process, answers the same.
 */
const SERVICE_VIEW = 'managed_service_s3';

/** The s3 settings an fs repository takes too, with the same meaning. */
const ENGINE_SETTINGS = ['readonly', 'compress', 'max_snapshot_bytes_per_sec', 'max_restore_bytes_per_sec'];

/** The folder under `path.repo` that stands for S3: one folder per bucket below it. */
const BUCKETS_FOLDER = 's3-buckets';

/** The s3 settings the engines' repository-s3 plugin reads (FACTS.md A); anything else is refused as unknown. */
const KNOWN_SETTINGS = new Set([
  'bucket',
  'region',
  'role_arn',
  'base_path',
  'endpoint',
  'server_side_encryption',
  'readonly',
  'storage_class',
  'canned_acl',
  'chunk_size',
  'buffer_size',
  'compress',
  'max_snapshot_bytes_per_sec',
  'max_restore_bytes_per_sec',
]);

/** What AWS takes as a role ARN: `arn:aws:iam::<12 digits>:role/<path/name>`. */
const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@-]+(\/[\w+=,.@-]+)*$/;

/** S3's bucket naming rules, which also keep a bucket from naming a folder outside its own. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Manual snapshots cannot live in the Glacier storage classes (FACTS.md B). */
const GLACIER_CLASS = /glacier|deep_archive/i;

/**
 * FACTS.md B gives the service's words for a role the caller may not pass (the 403 below) but not for these: the
 * rig answers 400 with a `Message` that names the setting, the shape of the service's own refusals.
 */
function badRequest(message: string): Refusal {
  return { status: 400, message };
}

/** Every value a string, as the engines (and so the service) answer repository settings. */
function asAnswered(settings: Record<string, unknown>): Record<string, string> {
  const given = Object.entries(settings).filter(([, value]) => value !== undefined);
  return Object.fromEntries(given.map(([key, value]) => [key, String(value)]));
}

/** `base_path` as folders; undefined when a segment would leave the bucket's folder. */
function basePathSegments(basePath: unknown): string[] | undefined {
  const segments = String(basePath ?? '')
    .split('/')
    .filter(Boolean);
  return segments.some((segment) => segment === '.' || segment === '..') ? undefined : segments;
}

function settingsRefusal(settings: Record<string, unknown>): Refusal | undefined {
  const unknown = Object.keys(settings).filter((key) => !KNOWN_SETTINGS.has(key));
  if (unknown.length > 0) return badRequest(`Unknown settings for an s3 repository: ${unknown.join(', ')}.`);
  const missing = ['bucket', 'role_arn'].filter((key) => typeof settings[key] !== 'string' || settings[key] === '');
  if (settings.region === undefined && settings.endpoint === undefined) missing.push('region');
  if (missing.length > 0) {
    return badRequest(`Missing required settings for an s3 repository: ${missing.join(', ')}.`);
  }
  if (!BUCKET_NAME.test(String(settings.bucket))) {
    return badRequest(`Invalid bucket name '${String(settings.bucket)}': see the S3 bucket naming rules.`);
  }
  if (basePathSegments(settings.base_path) === undefined) {
    return badRequest(`Invalid base_path '${String(settings.base_path)}': '.' and '..' are not allowed.`);
  }
  if (settings.storage_class !== undefined && GLACIER_CLASS.test(String(settings.storage_class))) {
    return badRequest(
      `storage_class '${String(settings.storage_class)}' is not supported: manual snapshots cannot use the S3 Glacier storage classes.`,
    );
  }
  return undefined;
}

function roleRefusal(roleArn: string, caller: Caller): Refusal | undefined {
  if (!ROLE_ARN.test(roleArn)) {
    return badRequest(
      `Invalid role_arn '${roleArn}': expected an IAM role ARN of the form arn:aws:iam::<12-digit account>:role/<name>.`,
    );
  }
  if (!caller.passableRoles.includes(roleArn)) {
    return {
      status: 403,
      message: `User: ${caller.arn} is not authorized to perform: iam:PassRole on resource: ${roleArn}`,
    };
  }
  return undefined;
}

/** Where a bucket + base path lives under the engines' shared `path.repo`. */
function bucketFolder(repoRoot: string, bucket: string, basePath: unknown): string {
  const folders = [BUCKETS_FOLDER, bucket, ...(basePathSegments(basePath) ?? [])];
  return [repoRoot.replace(/\/+$/, ''), ...folders].join('/');
}

/**
 * `PUT _snapshot/<repo>` with `type: s3`, taken as Amazon OpenSearch Service takes it: `bucket`, `region` (or
 * `endpoint`) and a `role_arn` the caller may pass are required; unknown settings and the Glacier storage classes
 * are refused. What passes becomes an `fs` repository in the bucket + base path's own folder under `repoRoot` (the
 * engines' shared `path.repo`), read-only, compressed or throttled when asked, so that clusters registering the same bucket and base path
 * see the same snapshots.
 */
function mapS3Registration(
  settings: Record<string, unknown>,
  caller: Caller,
  repoRoot: string,
): Refusal | MappedRegistration {
  const refusal = settingsRefusal(settings) ?? roleRefusal(String(settings.role_arn), caller);
  if (refusal !== undefined) return refusal;
  const location = bucketFolder(repoRoot, String(settings.bucket), settings.base_path);
  // What every blob store does alike (read-only, compression, throttles) the engine's own fs repository does here.
  const shared = Object.fromEntries(ENGINE_SETTINGS.flatMap((key) => (key in settings ? [[key, settings[key]]] : [])));
  const fsSettings = { location, ...shared, [SERVICE_VIEW]: JSON.stringify(asAnswered(settings)) };
  return { location, body: Buffer.from(JSON.stringify({ type: 'fs', settings: fsSettings })) };
}

/**
 * The s3 settings of a registration body, when it registers an s3 repository; undefined for any other body (an
 * `fs` registration, a body that is not JSON), which goes to the engine as it is.
 */
function s3SettingsOf(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || (parsed as { type?: unknown }).type !== 's3') return undefined;
    const { settings } = parsed as { settings?: unknown };
    return typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>) : {};
  } catch {
    return undefined;
  }
}

/**
 * `GET _snapshot[/<repos>]` as the service answers it: a repository the gateway registered for an s3 one is
 * `type: s3` with its s3 settings, never the folder underneath. Other repositories stay as the engine said.
 */
function asServiceAnswers(repositories: unknown): unknown {
  if (typeof repositories !== 'object' || repositories === null) return repositories;
  const entries = Object.entries(repositories as Record<string, unknown>).map(([name, repository]) => {
    const view = (repository as { settings?: Record<string, unknown> } | null)?.settings?.[SERVICE_VIEW];
    return [name, typeof view === 'string' ? { type: 's3', settings: JSON.parse(view) } : repository];
  });
  return Object.fromEntries(entries);
}

/** `GET /_snapshot`, `/_snapshot/_all`, `/_snapshot/<repo>[,<repo>…]`: the calls that answer repositories. */
function answersRepositories(method: string, segments: readonly string[]): boolean {
  const [root, names] = segments;
  if (method !== 'GET' || root !== '_snapshot' || segments.length > 2) return false;
  return names === undefined || names === '_all' || !names.startsWith('_');
}

export {
  answersRepositories,
  asServiceAnswers,
  bucketFolder,
  type Caller,
  type MappedRegistration,
  mapS3Registration,
  s3SettingsOf,
};
