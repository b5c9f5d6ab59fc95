/**
 * Date: partial ISO 8601 ("2026", "2026-02", "2026-02-11"), checked on the way in.
 * JSON: any JSON value, for the free-form properties of graph nodes and edges.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ErrorCode } from '../errors.js';
import { isPartialDate, PARTIAL_DATE_HINT } from '../model/partialDate.js';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isPartialDate(value)) {
    throw new GraphQLError(`Date: expected ${PARTIAL_DATE_HINT}, but got: ${JSON.stringify(value)}`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : literalText(ast)),
});

function literalText(ast: ValueNode): unknown {
  return 'value' in ast ? ast.value : ast.kind;
}

function parseJsonLiteral(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, parseJsonLiteral(field.value)]));
    case Kind.LIST:
      return ast.values.map(parseJsonLiteral);
    case Kind.NULL:
      return null;
    default:
      throw new GraphQLError(`JSON: variables are not allowed inside JSON literals`, {
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      });
  }
}

export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: parseJsonLiteral,
});
