import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');

type Module = { file: string; imports: string[] };

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every specifier a module imports or re-exports, type-only ones included: a type is a dependency too. */
function specifiersOf(text: string): string[] {
  const found = text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gms);
  return [...found].map((match) => match[1] as string);
}

/** Relative specifiers resolved to a path below src (`.js` as written, `.ts` on disk); packages stay as named. */
function resolved(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return relative(SRC, resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
}

function modulesOf(files: readonly string[]): Module[] {
  return files.map((file) => ({
    file: relative(SRC, file),
    imports: specifiersOf(readFileSync(file, 'utf8')).map((specifier) => resolved(file, specifier)),
  }));
}

const MODULES = modulesOf(sourceFiles(SRC));

function layerOf(path: string): string {
  return path.split('/')[0] ?? path;
}

/** The first import cycle found, as the chain of files that closes it. */
function findCycle(modules: readonly Module[]): string[] | undefined {
  const edges = new Map(modules.map((module) => [module.file, module.imports.filter((to) => to.endsWith('.ts'))]));
  const done = new Set<string>();
  const visit = (file: string, path: string[]): string[] | undefined => {
    const seen = path.indexOf(file);
    if (seen >= 0) return [...path.slice(seen), file];
    if (done.has(file)) return undefined;
    for (const next of edges.get(file) ?? []) {
      const cycle = visit(next, [...path, file]);
      if (cycle !== undefined) return cycle;
    }
    done.add(file);
    return undefined;
  };
  for (const file of edges.keys()) {
    const cycle = visit(file, []);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

/** Imports from `from` files that break a rule: the allowed targets are src layers or package names. */
function offending(from: string, allowed: (target: string) => boolean): string[] {
  return MODULES.filter((module) => layerOf(module.file) === from).flatMap((module) =>
    module.imports.filter((target) => !allowed(target)).map((target) => `${module.file} → ${target}`),
  );
}

const isSrc = (target: string) => target.endsWith('.ts');
const inLayer =
  (...layers: string[]) =>
  (target: string) =>
    isSrc(target) && layers.includes(layerOf(target));

describe('the layers of src', () => {
  it('reads the tree', () => {
    expect(MODULES.length).toBeGreaterThan(50);
    expect(MODULES.find((module) => module.file === 'core/errors.ts')?.imports).toContain('core/jobs/job.ts');
  });

  it('keeps the core pure: it imports only the core and zod', () => {
    expect(offending('core', (target) => inLayer('core')(target) || target === 'zod')).toEqual([]);
  });

  it('keeps the ports on the core', () => {
    expect(offending('ports', inLayer('core', 'ports'))).toEqual([]);
  });

  it('lets use cases reach only the core and the ports, never config or an adapter', () => {
    expect(
      offending('usecases', (target) => inLayer('core', 'ports', 'usecases')(target) || target === 'pino'),
    ).toEqual([]);
  });

  it('keeps config and adapters apart', () => {
    expect(offending('adapters', (target) => !inLayer('config', 'handlers', 'local')(target))).toEqual([]);
    expect(offending('config', (target) => !inLayer('adapters', 'usecases', 'handlers', 'local')(target))).toEqual([]);
  });

  it('never lets a Lambda entry point reach the local-only code', () => {
    expect(offending('handlers', (target) => !inLayer('local')(target))).toEqual([]);
    const embeddedDynamoDb = MODULES.filter(
      (module) => layerOf(module.file) !== 'local' && module.imports.includes('dynalite'),
    );
    expect(embeddedDynamoDb).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    expect(findCycle(MODULES)).toBeUndefined();
  });

  it('finds a cycle when there is one', () => {
    const cycle = findCycle([
      { file: 'core/a.ts', imports: ['core/b.ts'] },
      { file: 'core/b.ts', imports: ['zod', 'core/a.ts'] },
    ]);

    expect(cycle).toEqual(['core/a.ts', 'core/b.ts', 'core/a.ts']);
  });
});
