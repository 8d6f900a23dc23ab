/**
 * A path of the site, root-relative (`/techniques/T1059/001/`), typed apart from other strings so
 * that only the paths module (src/lib/paths.ts) makes them. Collections store them as such.
 */
import { z } from 'astro/zod';

export const sitePathSchema = z.string().startsWith('/').brand<'SitePath'>();
export type SitePath = z.infer<typeof sitePathSchema>;
