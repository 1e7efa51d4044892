import { Sha256 } from '@aws-crypto/sha256-js';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { SignatureV4 } from '@smithy/signature-v4';

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
type CredentialsProvider = () => Promise<Credentials>;

/** A request as it goes over the wire, before it is authenticated: what a signature covers. */
type OutgoingRequest = {
  method: string;
  protocol: string;
  hostname: string;
  port: number | undefined;
  /** Percent-encoded, with the endpoint's own path prefix. */
  path: string;
  query: Record<string, string>;
  /** Includes `host`. */
  headers: Record<string, string>;
  body: string | undefined;
};

/** How requests to one cluster prove who sends them: the headers to send, given the request. */
type RequestAuthenticator = { headersFor(request: OutgoingRequest): Promise<Record<string, string>> };

/** Sends requests as they are: local and plain clusters. */
const none: RequestAuthenticator = { headersFor: async (request) => request.headers };

type SigV4Options = {
  region: string;
  credentials: CredentialsProvider;
  /** `es` for Amazon OpenSearch Service domains (and Amazon ES); `aoss` would be Serverless, which has no snapshots. @default 'es' */
  service?: string;
};

/** Signs every request with AWS Signature V4, as Amazon OpenSearch Service requires. */
function sigV4(options: SigV4Options): RequestAuthenticator {
  const { region, credentials, service = 'es' } = options;
  const signer = new SignatureV4({ service, region, credentials, sha256: Sha256 });
  return { headersFor: async (request) => (await signer.sign(request)).headers };
}

/** The AWS default chain (env, SSO, profile, container/instance role), then the given role when there is one. */
function awsCredentials(options: { assumeRoleArn: string | undefined; region: string }): CredentialsProvider {
  const base = fromNodeProviderChain();
  if (options.assumeRoleArn === undefined) return base;
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: { RoleArn: options.assumeRoleArn, RoleSessionName: 'es-snapshot-bot' },
    clientConfig: { region: options.region },
  });
}

export type { Credentials, CredentialsProvider, OutgoingRequest, RequestAuthenticator, SigV4Options };
export { awsCredentials, none, sigV4 };
