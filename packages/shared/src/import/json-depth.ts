/** How deep a JSON value may nest: JSON.stringify recurses (a deeper value overflows the stack) and PostgreSQL's jsonb input has its own limit. */
export const MAX_JSON_DEPTH = 64;

/** Whether a parsed JSON value nests deeper than `max`, walked without recursion. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}
