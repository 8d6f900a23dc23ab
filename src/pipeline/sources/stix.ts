/**
 * The STIX input the importer reads: for each object type it knows, the fields it uses and their
 * types (each kind's own fields are declared with its reader, src/pipeline/stages/kind-readers.ts).
 * Unknown fields are ignored; a known field of the wrong type is an error naming the field.
 */
import { z } from 'astro/zod';
import { KINDS, type Kind } from '../../model/kinds.ts';
import { KIND_STIX_FIELDS } from '../stages/kind-readers.ts';
import { commonFields, externalReference, flag, text } from './stix-fields.ts';

export type { ExternalReference } from './stix-fields.ts';

/** The STIX types of a kind: `software` → `malware` | `tool`. */
type StixTypesOf<K extends Kind> = (typeof KINDS)[K]['stixTypes'][number];
type KindOf<T extends string> = { [K in Kind]: T extends StixTypesOf<K> ? K : never }[Kind];
type ObjectStixType = StixTypesOf<Kind>;

/** The input schema of a kind's STIX objects: the common fields and the kind's own. */
function kindSchema<K extends Kind>(kind: K) {
  return z.looseObject({ ...commonFields, ...KIND_STIX_FIELDS[kind] });
}
type ObjectSchemas = { [T in ObjectStixType]: ReturnType<typeof kindSchema<KindOf<T>>> };

const relationship = z.looseObject({
  id: z.string(),
  relationship_type: z.string(),
  source_ref: z.string(),
  target_ref: z.string(),
  description: text,
  revoked: flag,
  x_mitre_deprecated: flag,
  external_references: z.array(externalReference).optional(),
});

export const stixSchemas = {
  ...(Object.fromEntries(
    (Object.keys(KINDS) as Kind[]).flatMap((kind) =>
      KINDS[kind].stixTypes.map((type) => [type, kindSchema(kind)]),
    ),
  ) as ObjectSchemas),
  relationship,
};

export type StixType = keyof typeof stixSchemas;
export type StixObjectOf<T extends StixType> = z.infer<(typeof stixSchemas)[T]>;
export type StixObject = { [T in StixType]: StixObjectOf<T> & { type: T } }[StixType];

export function isKnownType(type: unknown): type is StixType {
  return typeof type === 'string' && Object.hasOwn(stixSchemas, type);
}

/** Parses one raw object; returns the problems as `field: message` lines when it does not fit. */
export function parseStixObject(
  raw: Record<string, unknown>,
): { object: StixObject } | { problems: string[] } {
  const type = raw.type;
  if (!isKnownType(type)) return { problems: [`unknown type ${String(type)}`] };
  const result = stixSchemas[type].safeParse(raw);
  if (result.success) return { object: { ...result.data, type } as StixObject };
  return {
    problems: result.error.issues.map((issue) => `${issue.path.join('.') || '(object)'}: ${issue.message}`),
  };
}
