/**
 * Where a long identifier may wrap: `Microsoft-Windows-Sysmon/Operational`, `WinEventLog:Security`,
 * `SyncAppvPublishingServer`, `LC_LOAD_DYLIB`. A browser breaks text only at spaces and hyphens, so
 * such names either overflow a narrow column or, with `overflow-wrap: anywhere`, break inside a
 * word. Components put a `<wbr>` between the pieces this returns: after a separator, and where a
 * lower-case letter meets an upper-case one. Short words are left whole.
 */

/** Words up to this length never get a break: they fit any column the site has. */
const SHORT_WORD = 12;

/** After one of these, or between a lower-case and an upper-case letter (`Callback|Table`), or an acronym and a word (`WMI|Event`). */
const BREAK_AFTER = /(?<=[/\\_.:=|,;&?])(?=[^/\\_.:=|,;&?\s])|(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;

/** The text cut where a line may break; joined again, the pieces give the text back unchanged. */
export function breakPoints(text: string): string[] {
  const pieces = [''];
  for (const word of text.split(/(\s+)/)) {
    const [first = '', ...rest] = word.length > SHORT_WORD ? word.split(BREAK_AFTER) : [word];
    pieces[pieces.length - 1] += first;
    pieces.push(...rest);
  }
  return pieces;
}
