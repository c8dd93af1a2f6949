/** Deepest nesting a request may carry; real operations and segment rules stay far below it. */
export const MAX_REQUEST_NESTING = 64;

/**
 * How deeply `{`/`[` (and `(` in GraphQL text) nest in `text`, ignoring string contents.
 * A loop, not recursion: it must not be the stack overflow it guards against.
 * Stops counting past `limit` so a hostile body costs one scan.
 */
export function nestingDepth(text: string, limit = MAX_REQUEST_NESTING): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91 || c === 40) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 125 || c === 93 || c === 41) depth -= 1;
  }
  return deepest;
}
