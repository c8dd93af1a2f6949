import { createHmac, randomBytes } from 'node:crypto';

/** Uniform draws in (0, 1) for the noise mechanism; never Math.random, whose stream can be predicted. */
export interface NoiseSource {
  uniform(): number;
  /** Set only by the tests' source whose draws are all 0: statistics then report no noise variance. */
  readonly drawsZero?: true;
}

const TWO_POW_53 = 2 ** 53;
/** 53 random bits as a float strictly inside (0, 1): ln(0) never happens. */
const toUnit = (bytes: Buffer) => (Number(bytes.readBigUInt64BE(0) >> 11n) + 0.5) / TWO_POW_53;

/** Operating-system randomness (node:crypto). */
export const cryptoNoise: NoiseSource = { uniform: () => toUnit(randomBytes(8)) };

/** A deterministic stream (HMAC-SHA256 of a counter under the seed) for tests and demos; refused in production by the settings. */
export function seededNoise(seed: string): NoiseSource {
  let counter = 0;
  return { uniform: () => toUnit(createHmac('sha256', seed).update(String(counter++)).digest()) };
}
