/**
 * Look-ahead over a field's selection set: which fields under it the request actually asks
 * for, with their arguments, through fragments, inline fragments, aliases and @skip/@include.
 * Plans (requestPlans.ts) read it to fetch, in one statement, what the nested resolvers will
 * need.
 */
import {
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

export interface SelectedField {
  name: string;
  /** The arguments as given (variables substituted; defaults not filled in). */
  args: Record<string, unknown>;
  /** Sub-selections by field name; a field asked twice (aliases) appears once per use. */
  fields: Map<string, SelectedField[]>;
}

interface LookaheadContext {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** The selection of the field being resolved (all of its field nodes merged). */
export function selectionOf(info: GraphQLResolveInfo): SelectedField {
  const context = { fragments: info.fragments, variables: info.variableValues };
  const root: SelectedField = { name: info.fieldName, args: {}, fields: new Map() };
  for (const node of info.fieldNodes) {
    root.args = argumentsOf(node, context);
    if (node.selectionSet) collect(node.selectionSet, context, root.fields);
  }
  return root;
}

/** The uses of a path of field names below `field` (every alias, every branch). */
export function fieldsAt(field: SelectedField | undefined, ...path: string[]): SelectedField[] {
  let current: SelectedField[] = field ? [field] : [];
  for (const name of path) current = current.flatMap((item) => item.fields.get(name) ?? []);
  return current;
}

/** Whether any use of the path is selected. */
export function selects(field: SelectedField | undefined, ...path: string[]): boolean {
  return fieldsAt(field, ...path).length > 0;
}

/**
 * The one argument set a field is used with, or undefined when it is asked with different
 * arguments (aliases): a plan then leaves that field to the loaders.
 */
export function onlyArguments(uses: SelectedField[]): Record<string, unknown> | undefined {
  const [first, ...rest] = uses;
  if (!first) return undefined;
  const key = JSON.stringify(first.args);
  return rest.every((use) => JSON.stringify(use.args) === key) ? first.args : undefined;
}

function collect(selectionSet: SelectionSetNode, context: LookaheadContext, into: Map<string, SelectedField[]>, seen = new Set<string>()): void {
  for (const selection of selectionSet.selections) {
    if (!included(selection.directives, context)) continue;
    switch (selection.kind) {
      case Kind.FIELD: {
        const field: SelectedField = { name: selection.name.value, args: argumentsOf(selection, context), fields: new Map() };
        if (selection.selectionSet) collect(selection.selectionSet, context, field.fields);
        const list = into.get(field.name) ?? [];
        list.push(field);
        into.set(field.name, list);
        break;
      }
      case Kind.INLINE_FRAGMENT:
        collect(selection.selectionSet, context, into, seen);
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = context.fragments[name];
        if (!fragment || seen.has(name)) break;
        collect(fragment.selectionSet, context, into, new Set([...seen, name]));
        break;
      }
    }
  }
}

function argumentsOf(node: FieldNode, context: LookaheadContext): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const argument of node.arguments ?? []) args[argument.name.value] = valueFromASTUntyped(argument.value, context.variables);
  return args;
}

function included(directives: FieldNode['directives'], context: LookaheadContext): boolean {
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const argument = directive.arguments?.find((item) => item.name.value === 'if');
    const value = argument ? valueFromASTUntyped(argument.value, context.variables) : undefined;
    if (name === 'skip' && value === true) return false;
    if (name === 'include' && value !== true) return false;
  }
  return true;
}
