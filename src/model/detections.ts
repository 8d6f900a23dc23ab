/**
 * The model of a team's detection content: Sigma rules and Atomic Red Team tests, read from YAML
 * and linked against the latest ATT&CK release. Objects refer to ATT&CK objects by STIX id; texts
 * are plain (pages escape them); every rule and test carries its own site path.
 */
import { z } from 'astro/zod';
import { sitePathSchema } from './site-path.ts';

const strings = z.array(z.string());

/** An ATT&CK tag of a rule as written (`attack.t1059.001`), and the object it links to when it names one. */
export const attackTagSchema = z.object({
  tag: z.string(),
  /** STIX id of the object (the replacement, for a revoked id). */
  target: z.string().optional(),
});

export const logSourceSchema = z.object({
  product: z.string().optional(),
  service: z.string().optional(),
  category: z.string().optional(),
  definition: z.string().optional(),
});

export const sigmaRuleSchema = z.object({
  /** The rule's own id (a UUID), which names its page. */
  id: z.string(),
  /** The file inside the rules folder. */
  file: z.string(),
  path: sitePathSchema,
  title: z.string(),
  status: z.string().optional(),
  level: z.string().optional(),
  description: z.string(),
  author: z.string().optional(),
  date: z.string().optional(),
  modified: z.string().optional(),
  license: z.string().optional(),
  logsource: logSourceSchema,
  references: strings,
  falsepositives: strings,
  /** Every tag as written, ATT&CK and others (`car.2016-04-005`, `cve.2021-44228`). */
  tags: strings,
  /** The ATT&CK tags, each with what it links to. */
  attack: z.array(attackTagSchema),
  /** STIX ids of the ATT&CK objects the rule is tagged with, each once, in tag order. */
  mapped: strings,
  /** Other rules it names (`related`), by id, with how they relate. */
  related: z.array(z.object({ id: z.string(), type: z.string() })),
  /** Atomic Red Team tests that simulate it (`simulation`), by GUID. */
  simulations: strings,
  /** The rule's YAML as written. */
  yaml: z.string(),
});

export const inputArgumentSchema = z.object({
  name: z.string(),
  description: z.string(),
  type: z.string(),
  default: z.string(),
});

export const dependencySchema = z.object({
  description: z.string(),
  prereqCommand: z.string(),
  getPrereqCommand: z.string(),
});

export const atomicTestSchema = z.object({
  /** The test's `auto_generated_guid`, or `<technique>-<number>` for a test without one. */
  id: z.string(),
  /** The technique file inside the atomics folder. */
  file: z.string(),
  /** The test's place on its technique's atomics page. */
  path: sitePathSchema,
  /** The atomics page of its technique file. */
  page: sitePathSchema,
  /** The ATT&CK id the file names (`attack_technique`), as written. */
  techniqueId: z.string(),
  /** The file's `display_name`. */
  techniqueName: z.string(),
  /** STIX id of the technique (the replacement, for a revoked id), when the release has it. */
  technique: z.string().optional(),
  /** Its number within the file, from 1, as Atomic Red Team numbers tests. */
  number: z.number(),
  name: z.string(),
  description: z.string(),
  platforms: strings,
  inputArguments: z.array(inputArgumentSchema),
  dependencyExecutor: z.string().optional(),
  dependencies: z.array(dependencySchema),
  executor: z.object({
    name: z.string(),
    command: z.string().optional(),
    /** Steps of a manual test. */
    steps: z.string().optional(),
    cleanupCommand: z.string().optional(),
    elevationRequired: z.boolean(),
  }),
});

/** A detection source that was read: its licence notices travel with it to the site. */
export const detectionSourceSchema = z.object({
  /** `sigma` or `atomics`. */
  id: z.enum(['sigma', 'atomics']),
  /** The folder or packed file it was read from. */
  source: z.string(),
  count: z.number(),
  /** The licence its notices name (`Detection Rule License (DRL) 1.1`, `MIT License`), when they name one. */
  licence: z.string().optional(),
  notices: z.array(z.object({ name: z.string(), text: z.string() })),
});

export type AttackTag = z.infer<typeof attackTagSchema>;
export type LogSource = z.infer<typeof logSourceSchema>;
export type SigmaRule = z.infer<typeof sigmaRuleSchema>;
export type AtomicTest = z.infer<typeof atomicTestSchema>;
export type InputArgument = z.infer<typeof inputArgumentSchema>;
export type DetectionSource = z.infer<typeof detectionSourceSchema>;
