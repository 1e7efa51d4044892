import * as z from 'zod';

/** What AWS accepts as an IAM role ARN; the cluster config and `repo register` check it before any cluster call. */
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/** What every blob-store repository takes, s3 and fs alike: compression, and throttles on snapshot and restore. */
const blobStoreSettings = {
  compress: z.boolean().optional(),
  max_snapshot_bytes_per_sec: z.string().optional(),
  max_restore_bytes_per_sec: z.string().optional(),
};

const s3RepositorySettings = z.object({
  bucket: z.string().min(1),
  region: z.string().min(1).optional(),
  role_arn: z.string().regex(ROLE_ARN, 'expected an IAM role ARN like arn:aws:iam::123456789012:role/Name').optional(),
  base_path: z.string().optional(),
  endpoint: z.string().optional(),
  server_side_encryption: z.boolean().optional(),
  readonly: z.boolean().optional(),
  ...blobStoreSettings,
});

const fsRepositorySettings = z.object({
  location: z.string().min(1),
  readonly: z.boolean().optional(),
  ...blobStoreSettings,
});

/** The repository types the bot registers; a cluster may have others (hdfs, azure …), which it only lists. */
const RepositoryType = { S3: 's3', FS: 'fs' } as const;

type RepositoryType = (typeof RepositoryType)[keyof typeof RepositoryType];

/**
 * A repository as the bot registers it, one settings shape per type. `name` is any string here: where a name
 * enters (config, command) it is checked against the engine's and the service's rules.
 */
const repositoryDefinition = z.discriminatedUnion('type', [
  z.object({ name: z.string(), type: z.literal(RepositoryType.S3), settings: s3RepositorySettings }),
  z.object({ name: z.string(), type: z.literal(RepositoryType.FS), settings: fsRepositorySettings }),
]);

type RepositoryDefinition = z.infer<typeof repositoryDefinition>;
type S3RepositorySettings = z.infer<typeof s3RepositorySettings>;
type FsRepositorySettings = z.infer<typeof fsRepositorySettings>;

export type { FsRepositorySettings, RepositoryDefinition, S3RepositorySettings };
export { fsRepositorySettings, RepositoryType, ROLE_ARN, repositoryDefinition, s3RepositorySettings };
