/**
 * Notes vaults that break the usual rules, and what the import must say about each: one warning
 * naming the file (and line, where there is one), and the rest of the vault imported. Classes:
 * code in frontmatter, YAML bombs and broken YAML, markdown nested past its limits, notes too
 * large to parse, special and unreadable files, images whose bytes are something else, embeds
 * that multiply, and page paths that clash.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { renderRichText } from '../../src/lib/rich-text.ts';
import type { Note } from '../../src/model/notes.ts';

export interface MalformedVault {
  name: string;
  /** Writes the vault's files into `root`. */
  write(root: string): Promise<void>;
  /** The file the warning names, relative to the vault. */
  file: string;
  /** What the warning says after naming the file. */
  message: RegExp;
  line?: number;
  /** More that must hold of the imported notes. */
  check?(notes: Note[], root: string): void | Promise<void>;
}

async function files(root: string, entries: Record<string, string | Buffer>): Promise<void> {
  for (const [path, content] of Object.entries(entries)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

const note = (title: string, notes: Note[]) => notes.find((candidate) => candidate.title === title);
const published = (title: string) => (notes: Note[]) => {
  if (!note(title, notes)) throw new Error(`"${title}" was not published`);
};

/** Anchors that expand tenfold at each of six levels: a million copies of `x`. */
export const YAML_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((name, index) => {
  const previous = 'abcdefg'[index]!;
  return `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`;
})].join('\n');

/** JavaScript that gray-matter would run, leaving a file behind if it did. */
const writesSentinel = (sentinel: string) => `require('node:fs').writeFileSync(${JSON.stringify(sentinel)}, 'ran')`;

export const MALFORMED_VAULTS: MalformedVault[] = [
  {
    name: '---js frontmatter that would write a file',
    write: (root) => files(root, { 'Code.md': `---js\n{ title: (${writesSentinel(join(root, 'RAN-js'))}, "Code") }\n---\nBody.\n` }),
    file: 'Code.md',
    line: 1,
    message: /^frontmatter in "js" is not read \(only YAML is\); shown as text$/,
    check: async (notes, root) => {
      published('Code')(notes);
      const { existsSync } = await import('node:fs');
      if (existsSync(join(root, 'RAN-js'))) throw new Error('the frontmatter ran');
    },
  },
  {
    name: '---javascript frontmatter',
    write: (root) => files(root, { 'Script.md': `---javascript\nmodule.exports = (${writesSentinel(join(root, 'RAN-javascript'))}, {})\n---\n` }),
    file: 'Script.md',
    line: 1,
    message: /^frontmatter in "javascript" is not read \(only YAML is\); shown as text$/,
  },
  {
    name: 'a YAML anchor bomb',
    write: (root) => files(root, { 'Bomb.md': `---\n${YAML_BOMB}\n---\nBody.\n` }),
    file: 'Bomb.md',
    message: /^broken YAML frontmatter \(Excessive alias count indicates a resource exhaustion attack\); shown as text$/,
    check: published('Bomb'),
  },
  {
    name: 'broken YAML',
    write: (root) => files(root, { 'Broken.md': '---\ntitle: Fine\ntags: [unclosed\n---\n# Heading\n\nBody.\n' }),
    file: 'Broken.md',
    message: /^broken YAML frontmatter \(.+\); shown as text$/,
    check: (notes) => {
      const broken = note('Broken', notes);
      if (!broken || !renderRichText(broken.html, '/').includes('tags: [unclosed')) throw new Error('the frontmatter is not shown');
    },
  },
  {
    name: 'lists nested thousands deep',
    write: (root) => files(root, { 'Lists.md': `Intro.\n\n${Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')}\n` }),
    file: 'Lists.md',
    line: 35,
    message: /^lists or quotes nested \d+ levels deep \(the limit is 32\); shown as plain text$/,
    check: published('Lists'),
  },
  {
    name: 'quotes nested thousands deep',
    write: (root) => files(root, { 'Quotes.md': `${'>'.repeat(10_000)} x\n` }),
    file: 'Quotes.md',
    line: 1,
    message: /^lists or quotes nested \d+ levels deep \(the limit is 32\); shown as plain text$/,
  },
  {
    name: 'twenty thousand emphasis marks in a row',
    write: (root) => files(root, { 'Stars.md': `${'*'.repeat(20_000)}x${'*'.repeat(20_000)}\n` }),
    file: 'Stars.md',
    line: 1,
    message: /^a run of \d+ emphasis marks \(the limit is 64\); shown as plain text$/,
  },
  {
    name: 'HTML nested thousands deep',
    write: (root) => files(root, { 'Tags.md': `${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}\n` }),
    file: 'Tags.md',
    line: 1,
    message: /^HTML elements nested over 64 deep; shown as plain text$/,
  },
  {
    name: 'a note too large to render as markdown',
    write: (root) => files(root, { 'Large.md': `# Large\n\n${'A line of [[Target]] text with **bold** words.\n'.repeat(7000)}` }),
    file: 'Large.md',
    line: 1,
    message: /^\d+ characters, over the 262144 rendered as markdown; shown as plain text$/,
    check: (notes) => {
      const large = note('Large', notes);
      if (!large || renderRichText(large.html, '/').includes('<strong>')) throw new Error('the large note was rendered as markdown');
    },
  },
  {
    name: 'a note larger than a note may be',
    write: (root) => files(root, { 'Huge.md': 'x'.repeat(2 * 1024 * 1024 + 1) }),
    file: 'Huge.md',
    message: /^note larger than 2 MiB; left out$/,
    check: (notes) => {
      if (note('Huge', notes)) throw new Error('the huge note was published');
    },
  },
  {
    name: 'a FIFO named like a note',
    write: async (root) => {
      await mkdir(root, { recursive: true });
      execFileSync('mkfifo', [join(root, 'Pipe.md')]);
    },
    file: 'Pipe.md',
    message: /^not a plain file \(a pipe, device or socket\); left out$/,
  },
  {
    name: 'a FIFO named like an image',
    write: async (root) => {
      await mkdir(root, { recursive: true });
      execFileSync('mkfifo', [join(root, 'pipe.png')]);
    },
    file: 'pipe.png',
    message: /^not a plain file \(a pipe, device or socket\); left out$/,
  },
  {
    name: 'a symlink that loops',
    write: async (root) => {
      await mkdir(root, { recursive: true });
      await symlink('Loop.md', join(root, 'Loop.md'));
    },
    file: 'Loop.md',
    message: /^symlink pointing outside the vault \(or nowhere\); left out$/,
  },
  {
    name: 'a script named like an image',
    write: (root) => files(root, { 'evil.avif': "alert('PWNED')//", 'Embeds.md': '![[evil.avif]]\n' }),
    file: 'evil.avif',
    message: /^its bytes are not those of an? AVIF image; left out$/,
  },
  {
    name: 'embeds that multiply',
    write: (root) =>
      files(root, {
        'Leaf.md': 'Leaf text.\n',
        'Branch.md': `${'![[Leaf]]\n\n'.repeat(10)}`,
        'Trunk.md': `${'![[Branch]]\n\n'.repeat(10)}`,
      }),
    file: 'Trunk.md',
    message: /^embed of "Branch" goes beyond the 50 embeds a note may show; shown as a link$/,
  },
  {
    name: 'two notes with one permalink',
    write: (root) => files(root, { 'a/First.md': '---\npermalink: shared\n---\n', 'b/Second.md': '---\npermalink: shared\n---\n' }),
    file: 'b/Second.md',
    message: /^its permalink \/shared\/ is taken by a\/First\.md; published at \/notes\/b\/second\/$/,
  },
  {
    name: 'a permalink that takes the page of another note',
    write: (root) => files(root, { 'Taker.md': '---\npermalink: notes/target\n---\n', 'Target.md': 'The real target.\n' }),
    file: 'Target.md',
    message: /^its page \/notes\/target\/ is taken by Taker\.md; published at \/notes\/target-[0-9a-f]{8}\/$/,
  },
  ...['notes', 'tags', 'procedures', 'search', 'techniques/T1059', 'pagefind', '_astro', 'files'].map((permalink) => ({
    name: `a permalink to the site's own ${permalink} page`,
    write: (root: string) => files(root, { 'Squatter.md': `---\npermalink: ${permalink}\n---\n` }),
    file: 'Squatter.md',
    message: new RegExp(`^permalink "${permalink}" is not usable here; the note keeps its own path$`),
  })),
];
