/**
 * What a vault keeps out of sight, and so out of the site: the files Obsidian is told to exclude
 * (Settings → Files and links → Excluded files: `userIgnoreFilters` in `.obsidian/app.json`, each a
 * path prefix or a `/regular expression/`), the folder of the core Templates plugin
 * (`.obsidian/templates.json`) and of Templater (`.obsidian/plugins/templater-obsidian/data.json`),
 * and the `exclude` globs of kb.config.json. Settings that cannot be read are warned about, and
 * the rest still apply.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import type { ImportReport } from '../report.ts';

/** Whether a vault path (`folder/Note.md`, or a folder: `folder`) is hidden. */
export type HiddenTest = (path: string) => boolean;

/** The settings files read, and what each names. */
const SETTINGS = {
  app: '.obsidian/app.json',
  templates: '.obsidian/templates.json',
  templater: '.obsidian/plugins/templater-obsidian/data.json',
};

export async function hiddenFiles(root: string, exclude: string[], report: ImportReport): Promise<HiddenTest> {
  const tests: HiddenTest[] = [];
  const app = await readSettings(root, SETTINGS.app, report);
  for (const filter of strings(app?.userIgnoreFilters)) {
    const test = ignoreFilter(filter, () => report.warn({ source: join(root, SETTINGS.app) }, `excluded-files filter ${JSON.stringify(filter)} is not a valid regular expression; not applied`));
    if (test) tests.push(test);
  }
  const templateFolders = [
    (await readSettings(root, SETTINGS.templates, report))?.folder,
    (await readSettings(root, SETTINGS.templater, report))?.templates_folder,
  ];
  for (const folder of templateFolders.flatMap(strings).map(trimSlashes).filter(Boolean)) {
    tests.push((path) => path === folder || path.startsWith(`${folder}/`));
  }
  if (exclude.length > 0) tests.push(picomatch(exclude, { dot: true }));
  return (path) => tests.some((test) => test(path));
}

/** Obsidian's excluded-files filter: `/regex/` tested on the path, else a path prefix. */
function ignoreFilter(filter: string, onInvalid: () => void): HiddenTest | undefined {
  const regex = /^\/(.+)\/$/.exec(filter);
  if (!regex) {
    const prefix = filter.replace(/^\/+/, '');
    return prefix ? (path) => path.startsWith(prefix) || `${path}/` === prefix : undefined;
  }
  try {
    const pattern = new RegExp(regex[1]!);
    return (path) => pattern.test(path);
  } catch {
    onInvalid();
    return undefined;
  }
}

async function readSettings(root: string, file: string, report: ImportReport): Promise<Record<string, unknown> | undefined> {
  let text;
  try {
    text = await readFile(join(root, file), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) return json as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  report.warn({ source: join(root, file) }, 'Obsidian settings that are not a JSON object; not applied');
  return undefined;
}

function strings(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}

function trimSlashes(path: string): string {
  return path.trim().replace(/^\/+|\/+$/g, '');
}
