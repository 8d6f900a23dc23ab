/**
 * A notes vault with the hostile payloads in every note field that reaches a page: bodies,
 * frontmatter values, tags, wikilink targets and aliases, code fences, callout titles, command
 * data, and (for path payloads) file names and permalinks. Markup payload n goes into note n,
 * which is also mapped to the ATT&CK technique T9n of the hostile bundle, so that it shows up on
 * ATT&CK pages too.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MARKER, MARKUP_PAYLOADS, PATH_PAYLOADS, type Payload } from './hostile-payloads.ts';
import { YAML_BOMB } from './malformed-vault.ts';

/** YAML double-quoted strings are JSON strings, escapes included (a NUL stays a NUL). */
const yaml = (text: string) => JSON.stringify(text);

function markupNote({ text }: Payload, index: number): string {
  const attackId = `T9${String(index).padStart(3, '0')}`;
  return [
    '---',
    `title: ${yaml(text)}`,
    `aliases: [${yaml(`${text} (alias)`)}]`,
    `tags: [${yaml(text)}]`,
    `description: ${yaml(text)}`,
    `mitre_id: ${attackId}`,
    `related: [${yaml(`[[${text}]]`)}, ${yaml(`[[Target|${text}]]`)}]`,
    '---',
    text,
    '',
    `> [!note] ${text}`,
    `> ${text}`,
    '',
    `[[${text}]] [[Target|${text}]] [[Target#${text}]] ![[${text}]] #${text.replace(/\s/g, '')}`,
    '',
    `\`\`\`${text.replace(/\n/g, ' ')}`,
    text,
    '```',
    '',
    `| ${text} | [[Target\\|${text}]] |`,
    '|---|---|',
    `| ${text} | ==${text}== |`,
    '',
  ].join('\n');
}

function procedureNote({ text }: Payload, index: number): string {
  return [
    '---',
    'type: procedure',
    `name: ${yaml(text)}`,
    `mitre_techniques: [T9${String(index).padStart(3, '0')}]`,
    `platforms: [${yaml(text)}]`,
    `tools: [${yaml(text)}]`,
    `commands: [${yaml(`[[command ${index}]]`)}]`,
    `skill_level: ${yaml(text)}`,
    '---',
    text,
  ].join('\n');
}

function commandNote({ text }: Payload): string {
  return ['---', 'type: command', `executor: ${yaml(text)}`, `data: ${yaml(text)}`, `output: ${yaml(text)}`, '---', ''].join('\n');
}

/** Path payloads as file names where the file system allows them, and as permalinks everywhere. */
function pathNotes({ id, text }: Payload): [string, string][] {
  const permalinked: [string, string] = [`paths/${id}.md`, `---\npermalink: ${yaml(text)}\ntitle: ${yaml(text)}\n---\n${text}\n`];
  const fileName = text.replace(/[/\0]/g, '');
  return fileName ? [permalinked, [`paths/named/${fileName}.md`, `${text}\n`]] : [permalinked];
}

/**
 * Frontmatter that would run code if read as anything but plain YAML. The code would leave a file
 * next to the vault's folder, which the site test looks for.
 */
function codeNotes(folder: string): [string, string][] {
  const sentinel = (name: string) => JSON.stringify(join(folder, '..', '..', `${MARKER}-${name}`));
  const write = (name: string) => `require('node:fs').writeFileSync(${sentinel(name)}, 'ran')`;
  return [
    ['frontmatter/js.md', `---js
{ title: (${write('js')}, "js") }
---
Body.
`],
    ['frontmatter/javascript.md', `---javascript
module.exports = (${write('javascript')}, {})
---
Body.
`],
    ['frontmatter/function.md', `---
title: !!js/function "function () { ${write('function')} }"
---
Body.
`],
    ['frontmatter/bomb.md', `---
${YAML_BOMB}
---
Body.
`],
    // A script named like an image, embedded and loaded as a script: it must never be published.
    ['files/evil.avif', `alert('${MARKER}')//`],
    ['frontmatter/disguised.md', `![[evil.avif]]

<script src="/wiki/files/evil.avif"></script>
`],
    // An SVG image full of script, published sanitized: embedded, linked, and opened on its own.
    ['files/evil.svg', `<svg xmlns="http://www.w3.org/2000/svg" onload="alert('${MARKER}')"><script>alert('${MARKER}')</script><a href="javascript:alert('${MARKER}')"><text>x</text></a><image href="https://example.com/${MARKER}.png"/></svg>`],
    ['frontmatter/svg.md', `![[evil.svg]]

[[evil.svg#icon]]
`],
  ];
}

/** Writes the vault into `folder`. */
export async function writeHostileVault(folder: string): Promise<void> {
  const files: [string, string][] = [
    ...codeNotes(folder),
    ['Target.md', '# Target\n\nThe note hostile links point at.\n'],
    ...MARKUP_PAYLOADS.flatMap((payload, index): [string, string][] => [
      [`notes/note ${index}.md`, markupNote(payload, index)],
      [`procedures/procedure ${index}.md`, procedureNote(payload, index)],
      [`commands/command ${index}.md`, commandNote(payload)],
    ]),
    ...PATH_PAYLOADS.flatMap(pathNotes),
  ];
  for (const [path, content] of files) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), content);
  }
}
