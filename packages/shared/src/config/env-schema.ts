/**
 * Environment configuration, parsed once at boot. Every problem is collected so an
 * operator sees all of them at once instead of fixing one variable per restart.
 */
export type Env = Record<string, string | undefined>;

export interface Setting<T> {
  read(name: string, raw: string | undefined): T;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

class SettingProblem extends Error {}

function fail(message: string): never {
  throw new SettingProblem(message);
}

export const setting = {
  string(opts: { default?: string; optional?: boolean } = {}): Setting<string | undefined> {
    return {
      read(name, raw) {
        if (raw !== undefined && raw.trim() !== '') return raw.trim();
        if (opts.default !== undefined) return opts.default;
        if (opts.optional) return undefined;
        return fail(`${name} is required`);
      },
    };
  },
  requiredString(opts: { default?: string; minLength?: number } = {}): Setting<string> {
    return {
      read(name, raw) {
        const value = raw !== undefined && raw.trim() !== '' ? raw.trim() : opts.default;
        if (value === undefined) return fail(`${name} is required`);
        if (opts.minLength && value.length < opts.minLength) {
          return fail(`${name} must be at least ${opts.minLength} characters`);
        }
        return value;
      },
    };
  },
  port(opts: { default?: number } = {}): Setting<number> {
    return {
      read(name, raw) {
        if (raw === undefined || raw === '') {
          if (opts.default !== undefined) return opts.default;
          return fail(`${name} is required`);
        }
        const n = Number(raw);
        if (!Number.isInteger(n) || n < 0 || n > 65535) return fail(`${name} must be a port number (0-65535), got "${raw}"`);
        return n;
      },
    };
  },
  int(opts: { default?: number; min?: number; max?: number } = {}): Setting<number> {
    return numberSetting(opts, true);
  },
  number(opts: { default?: number; min?: number; max?: number } = {}): Setting<number> {
    return numberSetting(opts, false);
  },
  url(opts: { protocols: string[]; optional?: boolean; default?: string }): Setting<string | undefined> {
    return {
      read(name, raw) {
        const value = raw !== undefined && raw.trim() !== '' ? raw.trim() : opts.default;
        if (value === undefined) return opts.optional ? undefined : fail(`${name} is required`);
        let parsed: URL;
        try {
          parsed = new URL(value);
        } catch {
          return fail(`${name} must be a URL, got "${value}"`);
        }
        if (!opts.protocols.includes(parsed.protocol.replace(/:$/, ''))) {
          return fail(`${name} must use ${opts.protocols.join(' or ')}, got "${parsed.protocol}"`);
        }
        return value;
      },
    };
  },
  oneOf<T extends string>(values: readonly T[], opts: { default?: T } = {}): Setting<T> {
    return {
      read(name, raw) {
        const value = raw === undefined || raw === '' ? opts.default : raw;
        if (value === undefined) return fail(`${name} is required (one of ${values.join(', ')})`);
        if (!values.includes(value as T)) return fail(`${name} must be one of ${values.join(', ')}, got "${value}"`);
        return value as T;
      },
    };
  },
  /** true, false, or undefined when unset (the caller decides the default, e.g. by NODE_ENV). */
  optionalBoolean(): Setting<boolean | undefined> {
    return {
      read(name, raw) {
        return raw === undefined || raw === '' ? undefined : setting.boolean({ default: false }).read(name, raw);
      },
    };
  },
  boolean(opts: { default: boolean }): Setting<boolean> {
    return {
      read(name, raw) {
        if (raw === undefined || raw === '') return opts.default;
        if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
        if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
        return fail(`${name} must be true or false, got "${raw}"`);
      },
    };
  },
};

export type SettingsOf<S> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

/** Reads every setting in `schema` (keys are environment variable names). Throws ConfigError listing all problems. */
export function parseEnv<S extends Record<string, Setting<unknown>>>(schema: S, env: Env = process.env): SettingsOf<S> {
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema)) {
    try {
      result[name] = spec.read(name, env[name]);
    } catch (error) {
      if (error instanceof SettingProblem) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return result as SettingsOf<S>;
}

/** For entry points: print every configuration problem and exit non-zero. */
export function loadConfigOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/** A number read from the environment: required unless defaulted, within bounds, an integer when asked. */
function numberSetting(opts: { default?: number; min?: number; max?: number }, integer: boolean): Setting<number> {
  return {
    read(name, raw) {
      if (raw === undefined || raw === '') {
        if (opts.default !== undefined) return opts.default;
        return fail(`${name} is required`);
      }
      const n = Number(raw);
      if (integer && !Number.isInteger(n)) return fail(`${name} must be an integer, got "${raw}"`);
      if (!Number.isFinite(n)) return fail(`${name} must be a number, got "${raw}"`);
      if (opts.min !== undefined && n < opts.min) return fail(`${name} must be >= ${opts.min}, got ${n}`);
      if (opts.max !== undefined && n > opts.max) return fail(`${name} must be <= ${opts.max}, got ${n}`);
      return n;
    },
  };
}
