import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function selects(selectionSet: SelectionSetNode | undefined, name: string, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): boolean {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD && selection.name.value === name) return true;
    if (selection.kind === Kind.INLINE_FRAGMENT && selects(selection.selectionSet, name, fragments, seen)) return true;
    if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      if (selects(fragments[selection.name.value]?.selectionSet, name, fragments, seen)) return true;
    }
  }
  return false;
}

/**
 * Whether the field being resolved selects `name` directly (through fragments too), e.g. a
 * connection's `totalCount`: lets a list skip its count(*) when nobody asked for it.
 */
export function selectsField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string): boolean {
  return info.fieldNodes.some((node) => selects(node.selectionSet, name, info.fragments, new Set()));
}

/** `checked`: fragments already found to select only allowed fields (a failing one ends the walk), so each is walked once. */
function onlySelects(selectionSet: SelectionSetNode | undefined, allowed: ReadonlySet<string>, fragments: Record<string, FragmentDefinitionNode>, checked: Set<string>): boolean {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD && !allowed.has(selection.name.value) && selection.name.value !== '__typename') return false;
    if (selection.kind === Kind.INLINE_FRAGMENT && !onlySelects(selection.selectionSet, allowed, fragments, checked)) return false;
    if (selection.kind === Kind.FRAGMENT_SPREAD && !checked.has(selection.name.value)) {
      checked.add(selection.name.value);
      if (!onlySelects(fragments[selection.name.value]?.selectionSet, allowed, fragments, checked)) return false;
    }
  }
  return true;
}

/**
 * Whether the field being resolved selects nothing but `fields` (and __typename): e.g. a
 * reference whose key is all that was asked for needs no lookup.
 */
export function selectsOnly(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, fields: readonly string[]): boolean {
  const allowed = new Set(fields);
  const checked = new Set<string>();
  return info.fieldNodes.every((node) => onlySelects(node.selectionSet, allowed, info.fragments, checked));
}
