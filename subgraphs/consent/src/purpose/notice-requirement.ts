/**
 * Whether a grant made under notice `grantVersion` still covers a purpose that requires at least
 * `requiredVersion` (null: no requirement). The status check (only a GRANTED consent counts) is the caller's.
 */
export function grantSatisfiesNotice(grantVersion: number | null | undefined, requiredVersion: number | null | undefined): boolean {
  if (requiredVersion == null) return true;
  return grantVersion != null && grantVersion >= requiredVersion;
}
