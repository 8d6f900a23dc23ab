/**
 * Options of the import and build scripts: command-line flags over the config file
 * (`kb.config.json`, optional) over defaults (every bundle in `content/attack/`, base `/`).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'astro/zod';
import { DEFAULT_GENERATED_DIR } from '../lib/generated.ts';
import { isUrl } from '../pipeline/sources/bundles.ts';

export const DEFAULT_CONFIG_FILE = 'kb.config.json';
export const DEFAULT_BUNDLE_DIR = 'content/attack';
export const DEFAULT_VAULT = 'content/notes';
/** SigmaHQ's rules and Atomic Red Team's tests, packed (`npm run vendor`). */
export const DEFAULT_SIGMA = 'content/sigma/sigma-rules.json.br';
export const DEFAULT_ATOMICS = 'content/atomic-red-team/atomics.json.br';

export interface Options {
  bundles: string[];
  release?: string;
  /** Only these releases of the bundles (`--releases 18.1`); every release when absent. */
  releases?: string[];
  /** The notes vault to import, if any. */
  vault?: string;
  /** Globs of vault paths to leave out (`drafts/**`), besides what Obsidian hides. */
  exclude: string[];
  /** Sigma rules (a folder or a packed file), if any. */
  sigma?: string;
  /** Atomic Red Team tests (an `atomics` folder or a packed file), if any. */
  atomics?: string;
  base: string;
  /** The site's address, e.g. https://attack.example.org, for absolute URLs in sitemap.xml. */
  site?: string;
  outDir: string;
  strict: boolean;
  /** Where the import writes its collections and the build reads them. */
  generatedDir: string;
}

/** Wrong flags or config: the caller prints the message and exits with status 2. */
export class UsageError extends Error {}

const configSchema = z.strictObject({
  bundles: z.array(z.string()).min(1).optional(),
  release: z.string().optional(),
  releases: z.array(z.string()).min(1).optional(),
  vault: z.string().nullable().optional(),
  exclude: z.array(z.string()).optional(),
  sigma: z.string().nullable().optional(),
  atomics: z.string().nullable().optional(),
  base: z.string().optional(),
  site: z.url().optional(),
  strict: z.boolean().optional(),
});

const IMPORT_FLAGS = `  --bundle <path|url>  a STIX 2.0/2.1 bundle (.json, .json.gz, .json.br); repeat for several
                       (default: every bundle in ${DEFAULT_BUNDLE_DIR}/)
  --release <version>  release number for bundles without an x-mitre-collection object
                       (default: taken from the file name, e.g. enterprise-attack-18.1.json)
  --releases <list>    build only these releases of the bundles, e.g. 18.1 or 18.0,18.1
                       (default: every release the bundles hold; the latest is the live site)
  --vault <dir>        the notes vault (default: ${DEFAULT_VAULT}/ when it exists)
  --no-vault           build from ATT&CK alone
  --exclude <glob>     leave out vault paths matching the glob (e.g. 'drafts/**'); repeat for several
                       (besides what Obsidian hides: excluded files, template folders)
  --sigma <dir>        a Sigma rules folder, or a packed .json.br file (default: ${DEFAULT_SIGMA})
  --no-sigma           build without Sigma rules
  --atomics <dir>      an Atomic Red Team atomics folder, or a packed .json.br file
                       (default: ${DEFAULT_ATOMICS})
  --no-atomics         build without Atomic Red Team tests
  --config <file>      config file with any of: bundles, release, releases, vault, exclude, sigma, atomics, base, site, strict
                       (default: ${DEFAULT_CONFIG_FILE} when it exists)
  --strict             treat warnings (unresolved citations, dangling relationships) as errors
  --generated <dir>    where the imported collections go (default: ${DEFAULT_GENERATED_DIR}/)
  --help               show this help`;

const BUILD_FLAGS = `  --base <path>        base path the site is served under, e.g. /wiki/ (default: /, or BASE_PATH)
  --site <url>         the site's address, for absolute URLs in sitemap.xml (default: SITE_URL)
  --out <dir>          output folder (default: dist); replaced only when the build succeeds`;

export function usage(command: 'import' | 'build'): string {
  const flags = command === 'build' ? `${IMPORT_FLAGS}\n${BUILD_FLAGS}` : IMPORT_FLAGS;
  return `Usage: npm run ${command} -- [options]\n\nOptions:\n${flags}\n\nExit status: 0 done, 1 bad input, 2 bad usage.`;
}

export async function parseOptions(argv: string[]): Promise<Options & { help: boolean }> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        bundle: { type: 'string', multiple: true },
        release: { type: 'string' },
        releases: { type: 'string', multiple: true },
        vault: { type: 'string' },
        'no-vault': { type: 'boolean' },
        exclude: { type: 'string', multiple: true },
        sigma: { type: 'string' },
        'no-sigma': { type: 'boolean' },
        atomics: { type: 'string' },
        'no-atomics': { type: 'boolean' },
        config: { type: 'string' },
        base: { type: 'string' },
        site: { type: 'string' },
        out: { type: 'string' },
        strict: { type: 'boolean' },
        generated: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const config = await readConfig(values.config);
  return {
    bundles: values.bundle ?? config.bundles ?? (await defaultBundles()),
    release: values.release ?? config.release,
    releases: values.releases ? releaseList(values.releases) : config.releases,
    vault: values['no-vault'] ? undefined : (values.vault ?? folderFromConfig(config.vault, DEFAULT_VAULT)),
    exclude: values.exclude ?? config.exclude ?? [],
    sigma: values['no-sigma'] ? undefined : (values.sigma ?? folderFromConfig(config.sigma, DEFAULT_SIGMA)),
    atomics: values['no-atomics'] ? undefined : (values.atomics ?? folderFromConfig(config.atomics, DEFAULT_ATOMICS)),
    base: normalizeBase(values.base ?? process.env.BASE_PATH ?? config.base ?? '/'),
    site: siteUrl(values.site ?? process.env.SITE_URL ?? config.site),
    outDir: values.out ?? 'dist',
    strict: values.strict ?? config.strict ?? false,
    generatedDir: values.generated ?? DEFAULT_GENERATED_DIR,
    help: values.help ?? false,
  };
}

export async function readConfig(path: string | undefined): Promise<z.infer<typeof configSchema>> {
  const file = path ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (!file) return {};
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
  const result = configSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UsageError(`${file}: ${issue.path.join('.') || '(config)'}: ${issue.message}`);
  }
  const fromConfigDir = (source: string) => (isUrl(source) ? source : relative('.', resolve(dirname(file), source)));
  const { bundles, vault, sigma, atomics } = result.data;
  const inConfigDir = (path: string | null | undefined) => (path ? fromConfigDir(path) : path);
  return { ...result.data, bundles: bundles?.map(fromConfigDir), vault: inConfigDir(vault), sigma: inConfigDir(sigma), atomics: inConfigDir(atomics) };
}

/** The base path a built site was made for, unless `flag` names one: BASE_PATH, then the config's. */
export async function builtSiteBase(flag: string | undefined): Promise<string> {
  return normalizeBase(flag ?? process.env.BASE_PATH ?? (await readConfig(undefined)).base ?? '/');
}

/** The folder (or file) the config names (`null` for none), else the default when it exists. */
/** `--releases 18.0,18.1 --releases 17.1` → `17.1`, `18.0`, `18.1`, as given. */
function releaseList(values: string[]): string[] {
  const releases = values.flatMap((value) => value.split(',')).map((release) => release.trim().replace(/^v/, '')).filter(Boolean);
  if (releases.length === 0) throw new UsageError('--releases needs at least one release, such as 18.1');
  return releases;
}

function folderFromConfig(configured: string | null | undefined, fallback: string): string | undefined {
  if (configured !== undefined) return configured ?? undefined;
  return existsSync(fallback) ? fallback : undefined;
}

async function defaultBundles(): Promise<string[]> {
  const names = await readdir(DEFAULT_BUNDLE_DIR).catch(() => []);
  const bundles = names.filter((name) => /\.json(\.gz|\.br)?$/.test(name)).sort();
  if (bundles.length === 0) throw new UsageError(`no bundles in ${DEFAULT_BUNDLE_DIR}/; pass --bundle`);
  return bundles.map((name) => join(DEFAULT_BUNDLE_DIR, name));
}

/**
 * `wiki` or `/wiki` → `/wiki/`. A base path is written into every page, so it may hold only the
 * characters a URL path segment needs no escaping for.
 */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  if (trimmed && !/^[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/.test(trimmed)) {
    throw new UsageError(`base path ${JSON.stringify(base)}: path segments may hold only letters, digits and . _ ~ -`);
  }
  if (trimmed.split('/').some((segment) => /^\.+$/.test(segment))) {
    throw new UsageError(`base path ${JSON.stringify(base)}: no segment may be . or ..`);
  }
  return trimmed ? `/${trimmed}/` : '/';
}

/** The site's address: an http(s) URL, else a usage error. */
function siteUrl(site: string | undefined): string | undefined {
  if (site === undefined) return undefined;
  const parsed = URL.canParse(site) ? new URL(site) : undefined;
  if (!parsed || !/^https?:$/.test(parsed.protocol)) throw new UsageError(`site ${JSON.stringify(site)}: not an http(s) URL`);
  return parsed.href;
}
