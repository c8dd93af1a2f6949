import type { NoiseSource } from './noise-source';

/**
 * Two-sided geometric mechanism (the discrete Laplace): integer noise with
 * P(x) ∝ exp(-ε|x| / Δ), so adding or removing one customer, who moves the value by at most Δ,
 * changes the probability of any output by at most e^ε. Integers only: no floating-point
 * side channel of the textbook continuous Laplace.
 */
export function geometricNoise(noise: NoiseSource, epsilon: number, sensitivity: number): number {
  const logAlpha = -epsilon / sensitivity; // ln α, α = e^(-ε/Δ)
  const draw = () => Math.floor(Math.log(noise.uniform()) / logAlpha); // Geometric(1 - α) on 0, 1, 2, …
  return draw() - draw();
}

/** Standard deviation of that noise: √(2α) / (1 − α); the README quotes it per knob. */
export function geometricStandardDeviation(epsilon: number, sensitivity: number): number {
  const alpha = Math.exp(-epsilon / sensitivity);
  return Math.sqrt(2 * alpha) / (1 - alpha);
}
