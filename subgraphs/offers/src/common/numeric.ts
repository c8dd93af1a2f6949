import type { ValueTransformer } from 'typeorm';

/** numeric columns arrive as strings from pg; the API speaks Float. */
export const numericAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
