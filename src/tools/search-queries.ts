/**
 * What analysts type, with the result they expect first: the table `npm run bench` scores search
 * against (share of right first results) and the browser tests check. Four groups: the queries of
 * the first-result tests (ids, names, aliases, phrases, filters, the example vault's notes), then
 * names and ids, messy words (typos, plurals, stems, abbreviations, spelling variants, old names)
 * and several words at once. `first` is the first result's ATT&CK id, or its title when it has
 * none (notes).
 */

export interface SearchQuery {
  query: string;
  first: string;
  /** Search page filters, as in its URL: `domain=ICS&type=Tactic`. */
  filters?: string;
  /** The first result's path under the base, where it is not the object's own page. */
  path?: string;
  /** Why this first result is the right one, where it is not obvious. */
  why?: string;
}

export type QueryGroup = 'tests' | 'names' | 'messy' | 'words';

/** The queries of the first-result tests, on the full site (three releases and the example vault). */
const TESTS: SearchQuery[] = [
  // ids in the forms people type them
  { query: 'T1059.001', first: 'T1059.001', path: 'techniques/T1059/001/' },
  { query: 't1059.001', first: 'T1059.001' },
  { query: 'T1059/001', first: 'T1059.001' },
  { query: 'T1059', first: 'T1059', path: 'techniques/T1059/' },
  { query: 'ta0002', first: 'TA0002' },
  { query: 'G0016', first: 'G0016' },
  { query: 'S0002', first: 'S0002' },
  { query: 'M1038', first: 'M1038' },
  { query: 'C0024', first: 'C0024' },
  { query: 'DET0001', first: 'DET0001' },
  { query: 'DC0001', first: 'DC0001' },
  { query: 'A0001', first: 'A0001' },
  { query: 'AN0001', first: 'DET0001', path: 'detectionstrategies/DET0001/#AN0001' },
  // revoked ids find their replacement
  { query: 'T1066', first: 'T1027.005', path: 'techniques/T1027/005/' },
  { query: 'G0118', first: 'G0016' },
  // aliases and names outrank body text
  { query: 'Cozy Bear', first: 'G0016' },
  { query: 'NOBELIUM', first: 'G0016' },
  { query: 'Fancy Bear', first: 'G0007' },
  { query: 'Mimikatz', first: 'S0002' },
  { query: 'powershell', first: 'T1059.001' },
  { query: 'Kerberoasting', first: 'T1558.003' },
  { query: 'OS Credential Dumping', first: 'T1003' },
  { query: 'Lazarus Group', first: 'G0032' },
  { query: 'Cobalt Strike', first: 'S0154' },
  { query: 'SolarWinds Compromise', first: 'C0024' },
  // phrases from descriptions
  { query: 'Adversaries may abuse PowerShell commands and scripts for execution', first: 'T1059.001' },
  { query: 'government networks in Europe and NATO member countries', first: 'G0016' },
  // filters
  { query: 'Execution', filters: 'domain=ICS', first: 'TA0104' },
  { query: 'Execution', filters: 'domain=Mobile', first: 'TA0041' },
  { query: 'Spearphishing Attachment', filters: 'domain=ICS', first: 'T0865' },
  { query: 'Spearphishing Attachment', filters: 'domain=Enterprise', first: 'T1566.001' },
  { query: 'Scheduled Task', filters: 'tactic=Persistence&platform=Windows', first: 'T1053.005' },
  { query: '', filters: 'type=Group', first: 'G0001' },
  // the example vault: note titles and aliases, a phrase of a procedure, the tag and type filters
  { query: 'Zone Transfer Check', first: 'Zone Transfer Check', path: 'procedures/zone-transfer-check/' },
  { query: 'DNS recon playbook', first: 'Investigating DNS Reconnaissance', path: 'playbooks/dns-reconnaissance/' },
  { query: 'DNS recon context', first: 'DNS Reconnaissance - Analyst Context' },
  { query: 'resolve every address of a netblock', first: 'Reverse DNS Sweep' },
  { query: 'lookalike', filters: 'type=Procedure', first: 'Lookalike Domain Watch' },
  { query: 'dns', filters: 'tag=playbook', first: 'Investigating DNS Reconnaissance' },
];

/** Names, aliases and ids typed right. */
const NAMES: SearchQuery[] = [
  { query: 'T1003', first: 'T1003' },
  { query: 'T1003.001', first: 'T1003.001' },
  { query: 't1566', first: 'T1566' },
  { query: 'TA0001', first: 'TA0001' },
  { query: 'S0154', first: 'S0154' },
  { query: 'G0007', first: 'G0007' },
  { query: 'M1026', first: 'M1026' },
  { query: 'DET0394', first: 'DET0394' },
  { query: 'Phishing', first: 'T1566' },
  { query: 'Lateral Movement', first: 'TA0008', why: 'the Enterprise tactic comes before ICS TA0109 in id order' },
  { query: 'Credential Access', first: 'TA0006' },
  { query: 'Process Injection', first: 'T1055' },
  { query: 'Ingress Tool Transfer', first: 'T1105' },
  { query: 'Pass the Hash', first: 'T1550.002' },
  { query: 'Golden Ticket', first: 'T1558.001' },
  { query: 'Remote Desktop Protocol', first: 'T1021.001' },
  { query: 'Rundll32', first: 'T1218.011' },
  { query: 'Multi-factor Authentication', first: 'M1032' },
  { query: 'Emotet', first: 'S0367' },
  { query: 'TrickBot', first: 'S0266' },
  { query: 'BloodHound', first: 'S0521' },
  { query: 'Impacket', first: 'S0357' },
  { query: 'PsExec', first: 'S0029' },
  { query: 'Sandworm Team', first: 'G0034' },
  { query: 'APT28', first: 'G0007' },
  { query: 'Wizard Spider', first: 'G0102' },
  { query: 'FIN7', first: 'G0046' },
  { query: 'Volt Typhoon', first: 'G1017' },
  { query: 'Sofacy', first: 'G0007' },
  { query: 'Midnight Blizzard', first: 'G0016' },
  { query: 'Charming Kitten', first: 'G0059' },
  { query: 'PowerShell Empire', first: 'S0363' },
  { query: 'Operation Dream Job', first: 'C0022' },
];

/** Typos, plurals and stems, abbreviations ATT&CK's text defines, spelling variants, old names and ids. */
const MESSY: SearchQuery[] = [
  { query: 'mimkatz', first: 'S0002' },
  { query: 'mimikatz.exe', first: 'S0002' },
  { query: 'crednetial dumping', first: 'T1003' },
  { query: 'credential dumping', first: 'T1003', why: 'the parent technique before its sub-techniques' },
  { query: 'proces hollowing', first: 'T1055.012' },
  { query: 'impackett', first: 'S0357' },
  { query: 'bloodhund', first: 'S0521' },
  { query: 'kerberoast', first: 'T1558.003' },
  { query: 'keylogger', first: 'T1056.001', why: 'Enterprise Keylogging comes before Mobile T1417.001 in id order' },
  { query: 'keyloggers', first: 'T1056.001' },
  { query: 'scheduled tasks', first: 'T1053.005' },
  { query: 'golden tickets', first: 'T1558.001' },
  { query: 'obfuscating files', first: 'T1027' },
  { query: 'timestomping', first: 'T1070.006' },
  { query: 'password sprays', first: 'T1110.003' },
  { query: 'brute forcing', first: 'T1110' },
  { query: 'rdp', first: 'T1021.001', why: 'ATT&CK writes “Remote Desktop Protocol (RDP)”' },
  { query: 'wmi', first: 'T1047', why: 'ATT&CK writes “Windows Management Instrumentation (WMI)”' },
  { query: 'uac bypass', first: 'T1548.002', why: 'ATT&CK writes “User Account Control (UAC)”' },
  { query: 'bypass uac', first: 'T1548.002' },
  { query: 'mfa', first: 'M1032', why: 'ATT&CK writes “multi-factor authentication (MFA)”' },
  { query: 'c2', first: 'TA0011', why: 'ATT&CK writes “command and control (C2)”' },
  { query: 'pth', first: 'T1550.002', why: 'ATT&CK writes “Pass the hash (PtH)”' },
  { query: 'dcom', first: 'T1021.003', why: 'ATT&CK writes “Distributed Component Object Model (DCOM)”' },
  { query: 'webshell', first: 'T1505.003' },
  { query: 'web shells', first: 'T1505.003' },
  { query: 'cobaltstrike', first: 'S0154' },
  { query: 'fancybear', first: 'G0007' },
  { query: 'apt 29', first: 'G0016' },
  { query: 'pass-the-hash', first: 'T1550.002' },
  { query: 'drive by compromise', first: 'T1189' },
  { query: 'exploit public facing application', first: 'T1190' },
  { query: 'dll sideloading', first: 'T1574.001', why: 'DLL Side-Loading (T1574.002) was merged into T1574.001' },
  { query: 'DLL side-loading', first: 'T1574.001' },
  { query: 'T1574.002', first: 'T1574.001' },
  { query: 'Bash History', first: 'T1552.003', why: 'renamed Shell History in 18.0' },
  { query: 'Time Based Evasion', first: 'T1497.003', why: 'renamed Time Based Checks in 18.0' },
  { query: 'T1086', first: 'T1059.001' },
  { query: 'lsass', first: 'T1003.001' },
  { query: 'ntds', first: 'T1003.003' },
];

/** Several words: a name and a word of its text, two names, a task in an analyst's words. */
const WORDS: SearchQuery[] = [
  { query: 'APT29 PowerShell', first: 'G0016', why: 'its techniques used have PowerShell; T1059.001, whose procedure examples name APT29, comes second' },
  { query: 'cobalt strike beacon', first: 'S0154' },
  { query: 'ransomware encryption', first: 'T1486' },
  { query: 'dump lsass memory', first: 'T1003.001' },
  { query: 'lsass memory dump', first: 'T1003.001' },
  { query: 'credentials from web browsers', first: 'T1555.003' },
  { query: 'steal browser credentials', first: 'T1555.003' },
  { query: 'scheduled task persistence', first: 'T1053.005' },
  { query: 'windows command shell', first: 'T1059.003' },
  { query: 'pass the ticket kerberos', first: 'T1550.003' },
  { query: 'disable windows event logging', first: 'T1562.002' },
  { query: 'clear windows event logs', first: 'T1070.001' },
  { query: 'exfiltration to cloud storage', first: 'T1567.002' },
  { query: 'delete shadow copies', first: 'T1490' },
  { query: 'vssadmin delete shadows', first: 'T1490' },
  { query: 'wmi event subscription', first: 'T1546.003' },
  { query: 'rdp hijacking', first: 'T1563.002' },
  { query: 'registry run keys persistence', first: 'T1547.001' },
  { query: 'startup folder', first: 'T1547.001' },
  { query: 'lateral tool transfer', first: 'T1570' },
  { query: 'network service discovery', first: 'T1046' },
  { query: 'system information discovery', first: 'T1082' },
  { query: 'domain account discovery', first: 'T1087.002' },
  { query: 'user execution malicious link', first: 'T1204.001' },
  { query: 'rename system utilities', first: 'T1036.003' },
  { query: 'dll injection', first: 'T1055.001' },
  { query: 'emotet banking trojan', first: 'S0367' },
  { query: 'lazarus north korea', first: 'G0032' },
  { query: 'mimikatz golden ticket', first: 'T1558.001' },
  { query: 'golden ticket krbtgt', first: 'T1558.001' },
  { query: 'inhibit system recovery', first: 'T1490' },
  { query: 'phishing for information', first: 'T1598' },
];

export const SEARCH_QUERIES: Record<QueryGroup, SearchQuery[]> = { tests: TESTS, names: NAMES, messy: MESSY, words: WORDS };

/** How a query is named in reports: `“Execution” with domain=ICS`. */
export function queryLabel({ query, filters }: SearchQuery): string {
  return [query && `“${query}”`, filters].filter(Boolean).join(' with ');
}
