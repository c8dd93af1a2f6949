import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { badInput, ConfigError, parseEnv, type Env, type Setting } from '@c360/shared';

/** PHONE_DEFAULT_REGION (default GB): the region a phone number without a +country prefix is read in. Read once at boot. */
export const phoneEnvSettings: Record<string, Setting<unknown>> = {
  PHONE_DEFAULT_REGION: {
    read(name, raw) {
      const region = (raw?.trim() || 'GB').toUpperCase();
      if (!isSupportedCountry(region)) throw new ConfigError([`${name} must be an ISO 3166-1 alpha-2 region libphonenumber knows, e.g. GB`]);
      return region;
    },
  },
};

export const readPhoneRegion = (env: Env = process.env): CountryCode => parseEnv(phoneEnvSettings, env).PHONE_DEFAULT_REGION as CountryCode;

/**
 * Phone numbers are stored in E.164 whatever way a channel wrote them ("020 7946 0958",
 * "+44 (0)20 7946 0958"), so one person sent by two systems is one number. The message names the
 * field and the rule only.
 */
export function toE164(raw: string | null | undefined, region: CountryCode): string | null | undefined {
  if (raw === undefined || raw === null) return raw;
  const number = e164Of(raw, region);
  if (number === undefined) throw badInput(`phone ${phoneRule(region)}`, { field: 'phone' });
  return number;
}

/** The number in E.164, or undefined when it cannot be a phone number (bulk import reports it as a bad row). */
export function e164Of(raw: string, region: CountryCode): string | undefined {
  const parsed = parsePhoneNumberFromString(raw, region);
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** The rule a refused number broke, without the number. */
export const phoneRule = (region: CountryCode) => `must be a valid phone number (E.164, or national for ${region})`;
