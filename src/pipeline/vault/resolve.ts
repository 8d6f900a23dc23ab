/**
 * Where a link in a note leads. ATT&CK ids come first: `[[T1059.001]]`, or any link whose alias
 * text starts with an id (`[[DNS|T1590.002 - DNS]]`), goes to that object's page, since vaults
 * hold several notes with one name. Other targets resolve like Obsidian: by path, then by file
 * name (case-insensitive, shortest path first), then by alias; a target with `/` also matches a
 * file whose name has `-` in its place.
 */
import type { HistoryIndex } from '../../lib/history.ts';
import type { AttackObject } from '../../model/attack.ts';
import { LEADING_ATTACK_ID, parseAttackId } from '../../model/ids.ts';
import type { ParsedNote } from './frontmatter.ts';
import type { VaultAsset } from '../sources/vault.ts';

export interface AttackMatch {
  /** Where the link leads: the object named, or its replacement when that was revoked. */
  object: AttackObject;
  /** The object the id names, revoked or not. */
  named: AttackObject;
  /** Why the link does not lead exactly where it says (revoked or deprecated id). */
  warning?: string;
  /** The id as written, when ATT&CK revoked or deprecated it. */
  outdated?: OutdatedId;
}

export interface OutdatedId {
  id: string;
  status: 'revoked' | 'deprecated';
  /** The replacement's ATT&CK id, for a revoked id that has one. */
  replacement?: string;
}

/** What a link to an outdated id says it was (`statusSince`: the release that revoked or deprecated it, when the loaded releases show it). */
export function outdatedTitle({ object, named, outdated }: AttackMatch, statusSince: string | undefined): string | undefined {
  if (!outdated) return undefined;
  const was = `${named.attackId} ${named.name}, ${outdated.status}${statusSince ? ` in ${statusSince}` : ''}`;
  if (outdated.status === 'deprecated') return `${was}: no longer in use`;
  return object === named ? `${was}, without a replacement` : `${was}: now ${object.attackId} ${object.name}`;
}

export class AttackLookup {
  private readonly objects = new Map<string, AttackObject>();
  private readonly byStixId = new Map<string, AttackObject>();
  /** With several releases loaded, it tells in which release an id became outdated. */
  private readonly history?: HistoryIndex;

  constructor(objects: AttackObject[], history?: HistoryIndex) {
    this.history = history;
    for (const object of objects) {
      this.objects.set(`${object.type}/${object.attackId.toUpperCase()}`, object);
      this.byStixId.set(object.id, object);
    }
  }

  /** The object an id names (`t1059.001` too), following a revocation to its replacement. */
  find(id: string): AttackMatch | undefined {
    const parsed = parseAttackId(id);
    const object = parsed && this.objects.get(`${parsed.kind}/${parsed.id}`);
    if (!object) return undefined;
    const upper = parsed.id;
    const named = { named: object };
    if (object.status === 'revoked') {
      const replacement = object.revokedBy ? this.byStixId.get(object.revokedBy) : undefined;
      return replacement
        ? { ...named, object: replacement, warning: `${upper} is revoked; linked to its replacement ${replacement.attackId}`, outdated: { id: upper, status: 'revoked', replacement: replacement.attackId } }
        : { ...named, object, warning: `${upper} is revoked without a replacement`, outdated: { id: upper, status: 'revoked' } };
    }
    return object.status === 'deprecated' ? { ...named, object, warning: `${upper} is deprecated`, outdated: { id: upper, status: 'deprecated' } } : { ...named, object };
  }

  /** What a link to this match says when hovered: the object, or what the outdated id was and where it leads. */
  title(match: AttackMatch): string {
    const since = match.outdated && this.history?.changedIn(match.named.id, match.outdated.status === 'revoked' ? 'revocations' : 'deprecations');
    return outdatedTitle(match, since) ?? `${match.object.attackId} ${match.object.name}`;
  }

  /** The object of an attack.mitre.org page (`https://attack.mitre.org/techniques/T1059/001/`), as notes copied from ATT&CK link it. */
  findByUrl(url: string): AttackMatch | undefined {
    const page = /^https?:\/\/attack\.mitre\.org\/[a-z]+\/([A-Za-z]+\d+)(?:\/(\d{3}))?\/?(?:[#?].*)?$/i.exec(url.trim());
    return page ? this.find(page[2] ? `${page[1]}.${page[2]}` : page[1]!) : undefined;
  }

  /** The id a link names: its target, or else the start of its alias text. */
  findInLink(target: string, alias: string | undefined): AttackMatch | undefined {
    const leading = alias && LEADING_ATTACK_ID.exec(alias)?.[1];
    return this.find(target) ?? (leading ? this.find(leading) : undefined);
  }
}

/** Forward slashes, no leading `./` or `/`, no `.md`: a target as written, compared whatever its case by key(). */
function normalized(target: string): string {
  return target
    .trim()
    .replace(/\\/g, '/')
    .replace(/^\.?\/+/, '')
    .replace(/\.md$/i, '');
}

function key(target: string): string {
  return normalized(target).toLowerCase();
}

/** Fewer folders first, then shorter, then alphabetical: Obsidian's "shortest path". */
function byShortestPath(a: { file: string }, b: { file: string }): number {
  const depth = (file: string) => file.split('/').length;
  return depth(a.file) - depth(b.file) || a.file.length - b.file.length || (a.file < b.file ? -1 : 1);
}

/**
 * Things by name, whatever its case: the one whose name is written exactly so wins (`Case` and
 * `case` can both exist), then the one with the shortest path.
 */
class ShortestPathIndex<T extends { file: string }> {
  private readonly entries = new Map<string, { name: string; item: T }[]>();

  add(name: string, item: T): void {
    const list = this.entries.get(key(name)) ?? [];
    if (list.some((entry) => entry.item === item)) return;
    list.push({ name: normalized(name), item });
    this.entries.set(key(name), list.sort((a, b) => byShortestPath(a.item, b.item)));
  }

  get(name: string): T | undefined {
    const list = this.entries.get(key(name));
    const exact = normalized(name);
    return (list?.find((entry) => entry.name === exact) ?? list?.[0])?.item;
  }
}

export class VaultIndex {
  private readonly byPath = new ShortestPathIndex<ParsedNote>();
  /** Every ending of every note's path (`c/dns` and `b/c/dns` for `a/b/c/dns`). */
  private readonly byPathEnding = new ShortestPathIndex<ParsedNote>(); // `[[folder/Note]]` finds `deeper/folder/Note.md`
  private readonly byName = new ShortestPathIndex<ParsedNote>();
  private readonly byAlias = new ShortestPathIndex<ParsedNote>();
  private readonly assetsByPath = new ShortestPathIndex<VaultAsset>();
  private readonly assetsByName = new ShortestPathIndex<VaultAsset>();

  constructor(notes: ParsedNote[], assets: VaultAsset[]) {
    for (const note of notes) {
      this.byPath.add(note.id, note);
      const segments = note.id.split('/');
      for (let start = 1; start < segments.length - 1; start++) this.byPathEnding.add(segments.slice(start).join('/'), note);
      this.byName.add(note.name, note);
      for (const alias of note.aliases) this.byAlias.add(alias, note);
    }
    for (const asset of assets) {
      this.assetsByPath.add(asset.file, asset);
      this.assetsByName.add(asset.file.split('/').at(-1)!, asset);
    }
  }

  findNote(target: string): ParsedNote | undefined {
    const wanted = normalized(target);
    if (!wanted) return undefined;
    return (
      this.byPath.get(wanted) ??
      (wanted.includes('/') ? this.byPathEnding.get(wanted) : undefined) ??
      this.byName.get(wanted) ??
      this.byAlias.get(wanted) ??
      (wanted.includes('/') ? (this.byName.get(wanted.replaceAll('/', '-')) ?? this.byAlias.get(wanted.replaceAll('/', '-'))) : undefined)
    );
  }

  /** An image by vault path, by path relative to the linking note's folder, or by file name. */
  findAsset(target: string, fromFolder: string): VaultAsset | undefined {
    const wanted = normalized(decodeURIComponentSafe(target));
    const relativeTo = normalized(resolveRelative(fromFolder, decodeURIComponentSafe(target)));
    return this.assetsByPath.get(relativeTo) ?? this.assetsByPath.get(wanted) ?? this.assetsByName.get(wanted.split('/').at(-1)!);
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `../img/a.png` from `notes/dns` → `notes/img/a.png`; a leading `/` means the vault root. */
function resolveRelative(fromFolder: string, target: string): string {
  const parts = target.startsWith('/') ? [] : fromFolder.split('/').filter(Boolean);
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}
