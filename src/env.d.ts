/** The kb integration's settings, for the site's own code (src/integrations/kb.ts). */
declare module 'virtual:kb/config' {
  /** Where the importer wrote the collections (absolute). */
  export const generatedDir: string;
}
