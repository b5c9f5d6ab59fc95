/**
 * Prices an operation before it runs, by what it could fetch: every object costs 1, scalars
 * are free, and a list multiplies what is under it by its size. The size of a list is its field's
 * `first` or `limit` argument (literal, variable, or the schema default); a connection-like field
 * (`people(first: 50) { edges { … } }`) hands its size down to the lists directly under it; any
 * other list counts as `defaultListSize`. Types are inspected by shape, not with graphql-js's
 * instanceof helpers, which refuse a schema built by another copy of the graphql module. Introspection fields (`__schema`, `__type`) are not
 * priced: introspection has its own switch.
 *
 * graphql-armor's cost limit prices fields by depth, not by the page sizes the client asks for,
 * which is what makes a query over this graph expensive; hence this small rule of our own.
 */
import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

const SIZE_ARGUMENTS = ['first', 'limit'];

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  defaultListSize: number;
}

export function operationCost(input: CostInput): number {
  const root = input.operation.operation === 'mutation' ? input.schema.getMutationType() : input.schema.getQueryType();
  if (!root) return 0;
  return selectionSetCost(input, root, input.operation.selectionSet, undefined, new Set());
}

function selectionSetCost(
  input: CostInput,
  parentType: GraphQLNamedType,
  selectionSet: SelectionSetNode,
  inheritedSize: number | undefined,
  fragmentsInUse: Set<string>,
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      total += fieldCost(input, parentType, selection, inheritedSize, fragmentsInUse);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeCondition = selection.typeCondition ? input.schema.getType(selection.typeCondition.name.value) : parentType;
      total += selectionSetCost(input, typeCondition ?? parentType, selection.selectionSet, inheritedSize, fragmentsInUse);
    } else {
      const name = selection.name.value;
      const fragment = input.fragments[name];
      // A cycle is a validation error already; guard anyway so pricing can never loop.
      if (!fragment || fragmentsInUse.has(name)) continue;
      const typeCondition = input.schema.getType(fragment.typeCondition.name.value) ?? parentType;
      fragmentsInUse.add(name);
      total += selectionSetCost(input, typeCondition, fragment.selectionSet, inheritedSize, fragmentsInUse);
      fragmentsInUse.delete(name);
    }
  }
  return total;
}

function fieldCost(
  input: CostInput,
  parentType: GraphQLNamedType,
  node: FieldNode,
  inheritedSize: number | undefined,
  fragmentsInUse: Set<string>,
): number {
  if (node.name.value.startsWith('__')) return 0;
  const field = fieldDefinition(parentType, node.name.value);
  if (!field) return 0;
  // "[Tenure!]!" → list of Tenure; scalars and enums have no fields and cost nothing.
  const typeText = String(field.type);
  const namedType = input.schema.getType(typeText.replace(/[[\]!]/g, ''));
  const children = node.selectionSet;
  if (!namedType || !children || (!hasFields(namedType) && !('getTypes' in namedType))) return 0;
  const size = sizeArgument(input, field, node);
  if (typeText.replace(/!$/, '').startsWith('[')) {
    const count = size ?? inheritedSize ?? input.defaultListSize;
    return count * (1 + selectionSetCost(input, namedType, children, undefined, fragmentsInUse));
  }
  return 1 + selectionSetCost(input, namedType, children, size, fragmentsInUse);
}

function fieldDefinition(parentType: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  // Unions have no fields of their own: their members are priced through inline fragments.
  return hasFields(parentType) ? (parentType.getFields()[name] as GraphQLField<unknown, unknown> | undefined) : undefined;
}

function hasFields(type: GraphQLNamedType): type is GraphQLNamedType & { getFields(): Record<string, GraphQLField<unknown, unknown>> } {
  return typeof (type as { getFields?: unknown }).getFields === 'function';
}

/** The value of the field's `first` or `limit` argument, as the resolver will see it. */
function sizeArgument(input: CostInput, field: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined {
  for (const argumentName of SIZE_ARGUMENTS) {
    const definition = field.args.find((argument) => argument.name === argumentName);
    if (!definition) continue;
    const given = node.arguments?.find((argument) => argument.name.value === argumentName);
    const value = (given ? literalOrVariable(given.value, input.variables) : undefined) ?? definition.defaultValue;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.floor(value));
  }
  return undefined;
}

function literalOrVariable(value: ValueNode, variables: Record<string, unknown>): unknown {
  if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  return undefined;
}
