/**
 * The building blocks of the STIX input schemas: field types, and the fields every ATT&CK object
 * has. Each kind adds its own (src/pipeline/stages/kind-readers.ts).
 */
import { z } from 'astro/zod';

export const text = z.string().optional();
export const flag = z.boolean().optional();
export const strings = z.array(z.string()).optional();

export const externalReference = z.looseObject({
  source_name: z.string(),
  description: text,
  url: text,
  external_id: text,
});
export type ExternalReference = z.infer<typeof externalReference>;

export const commonFields = {
  id: z.string(),
  name: z.string(),
  description: text,
  created: text,
  modified: text,
  revoked: flag,
  x_mitre_deprecated: flag,
  x_mitre_version: text,
  x_mitre_domains: strings,
  x_mitre_contributors: strings,
  external_references: z.array(externalReference).optional(),
};

export const logSourceFields = { name: z.string(), channel: z.string() };
