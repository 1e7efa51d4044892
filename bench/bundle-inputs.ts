import type { BuiltBundle } from './lambda-bundles.js';

type PackageShare = { name: string; bytes: number };

/** `node_modules/@scope/name/…` → `@scope/name`; the project's own files by their folder under src/. */
function packageOf(input: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (dependency?.[1] !== undefined) return dependency[1];
  return input.split('/').slice(0, 2).join('/');
}

/** What each package adds to the minified bundle, biggest first, from esbuild's metafile (`bytesInOutput`). */
function packageShares(bundle: BuiltBundle, top = 15): PackageShare[] {
  const shares = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(bundle.inputs)) {
    const name = packageOf(input);
    shares.set(name, (shares.get(name) ?? 0) + bytesInOutput);
  }
  return [...shares.entries()]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((left, right) => right.bytes - left.bytes)
    .slice(0, top);
}

export type { PackageShare };
export { packageShares };
