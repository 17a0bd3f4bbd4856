// Configuration: presets in rules/presets/, a project's .zongjierc.yml found from the current
// directory upward, `extends` chains, per-check severity and options — all validated with
// file:line:column errors. The result is the effective config a lint run uses.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SEVERITIES, type RuleOptionsSchema, type Severity } from './severity.js';
import { RuleFileError } from './errors.js';
import { rulesDir } from './paths.js';
import { readYamlFile, validateYaml, type YamlFile } from './yaml-file.js';

export const CONFIG_FILE_NAMES = ['.zongjierc.yml', '.zongjierc.yaml'];
export const DEFAULT_PRESET = 'recommended';

export interface CheckSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  checks: Map<string, CheckSetting>;
  ignore: string[];
  files: string[];
  /** Every file that contributed, in order (for messages and the cache key). */
  sources: string[];
  /** A hash of the effective settings: a changed rule file changes it. */
  hash: string;
}

const stringList = z.array(z.string().min(1));
const fileSchema = z.object({
  extends: z.union([z.string().min(1), stringList], { error: 'expected a preset name or file path, or a list of them' }).optional(),
  // A key whose entries are all commented out (as in the starter config) reads as null.
  checks: z.record(z.string(), z.unknown()).nullish(),
  ignore: stringList.nullish(),
  files: stringList.nullish(),
  description: z.string().optional(),
}).strict();

const severitySchema = z.enum(SEVERITIES, { error: `expected a severity: ${SEVERITIES.join(', ')}` });

function presetPath(name: string, from: string): string {
  if (/[\\/]|\.ya?ml$/.test(name)) return isAbsolute(name) ? name : resolve(dirname(from), name);
  return join(rulesDir(), 'presets', `${name}.yml`);
}

/** Read one entry of `checks:`: a severity, or [severity, options] with options checked by the check's schema. */
function readSetting(yaml: YamlFile, id: string, value: unknown, meta: RuleOptionsSchema, inherited: CheckSetting | undefined): CheckSetting {
  const path = ['checks', id];
  if (typeof value === 'string') {
    const severity = validateYaml(yaml, severitySchema, value, path);
    return { severity, options: inherited?.options ?? {} };
  }
  if (Array.isArray(value) && value.length >= 1 && value.length <= 2) {
    const severity = validateYaml(yaml, severitySchema, value[0], [...path, 0]);
    const own = value[1] ?? {};
    const merged = { ...(inherited?.options ?? {}), ...(own as object) };
    // Validate the options as written, so the error points into this file.
    validateYaml(yaml, meta.options as z.ZodType, merged, [...path, 1]);
    return { severity, options: merged };
  }
  const at = yaml.position(path);
  throw new RuleFileError(yaml.file, at.line, at.column, `checks.${id}: expected a severity (${SEVERITIES.join(', ')}) or [severity, { options }]`);
}

export function loadConfigFile(file: string, registry: ReadonlyMap<string, RuleOptionsSchema>, chain: string[] = []): ResolvedConfig {
  const absolute = resolve(file);
  if (chain.includes(absolute)) {
    throw new RuleFileError(file, 1, 1, `extends itself through ${[...chain, absolute].map((f) => f.split(/[\\/]/).pop()).join(' → ')}`);
  }
  const yaml = readYamlFile(file);
  const data = validateYaml(yaml, fileSchema);
  // A project config extends the recommended preset unless it says otherwise (extends: [] for none).
  const isPreset = resolve(dirname(absolute)) === resolve(rulesDir(), 'presets');
  const parents = data.extends === undefined ? (isPreset ? [] : [DEFAULT_PRESET]) : Array.isArray(data.extends) ? data.extends : [data.extends];
  const base: ResolvedConfig = { checks: new Map(), ignore: [], files: [], sources: [], hash: '' };
  parents.forEach((name, index) => {
    const path = presetPath(name, file);
    if (!existsSync(path)) {
      const at = yaml.position(Array.isArray(data.extends) ? ['extends', index] : ['extends']);
      throw new RuleFileError(file, at.line, at.column, `extends: no preset or file "${name}"`);
    }
    const parent = loadConfigFile(path, registry, [...chain, absolute]);
    for (const [id, setting] of parent.checks) base.checks.set(id, setting);
    // Concatenated, not push(...list): an ignore list of 130,000 entries is more arguments than a call takes.
    base.ignore = base.ignore.concat(parent.ignore);
    base.files = base.files.concat(parent.files);
    base.sources = base.sources.concat(parent.sources);
  });
  for (const [id, value] of Object.entries(data.checks ?? {})) {
    const meta = registry.get(id);
    if (!meta) {
      const at = yaml.position(['checks', id], true);
      throw new RuleFileError(file, at.line, at.column, `checks: unknown check "${id}" (known: ${[...registry.keys()].join(', ')})`);
    }
    base.checks.set(id, readSetting(yaml, id, value, meta, base.checks.get(id)));
  }
  if (data.ignore) base.ignore = base.ignore.concat(data.ignore);
  if (data.files) base.files = data.files;
  base.sources.push(absolute);
  return base;
}

/** Fill in every registered check (default severity, default options) and compute the hash. */
export function completeConfig(config: ResolvedConfig, registry: ReadonlyMap<string, RuleOptionsSchema>): ResolvedConfig {
  const checks = new Map<string, CheckSetting>();
  for (const [id, meta] of registry) {
    const setting = config.checks.get(id);
    const options = (meta.options as z.ZodType).parse(setting?.options ?? {}) as Record<string, unknown>;
    checks.set(id, { severity: setting?.severity ?? 'off', options });
  }
  const files = config.files.length ? config.files : ['**/*.txt', '**/*.md', '**/*.markdown', '**/*.docx'];
  const hash = createHash('sha256')
    .update(JSON.stringify({ checks: [...checks], ignore: config.ignore, files }))
    .update(config.sources.map((f) => readFileSync(f, 'utf8')).join('\0'))
    .digest('hex')
    .slice(0, 16);
  return { ...config, checks, files, hash };
}

/** The nearest .zongjierc.yml from `cwd` upward, or null. */
export function findConfigFile(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export interface ConfigRequest {
  /** --config FILE */
  configFile?: string;
  /** --preset NAME: used instead of a found config file. */
  preset?: string;
  cwd?: string;
}

export function resolveConfig(request: ConfigRequest, registry: ReadonlyMap<string, RuleOptionsSchema>): ResolvedConfig {
  const cwd = request.cwd ?? process.cwd();
  let loaded: ResolvedConfig;
  if (request.configFile) loaded = loadConfigFile(resolve(cwd, request.configFile), registry);
  else if (request.preset) loaded = loadConfigFile(presetPath(request.preset, join(cwd, 'x')), registry);
  else {
    const found = findConfigFile(cwd);
    loaded = loadConfigFile(found ?? presetPath(DEFAULT_PRESET, join(cwd, 'x')), registry);
  }
  return completeConfig(loaded, registry);
}
