/**
 * The type check that no schema field is left without an answer. The generated resolver types
 * (src/generated/resolverTypes.ts) make every field resolver optional, because GraphQL's default
 * resolver reads a field of the same name from the parent record. That is right only where the
 * record has such a field with a fitting type. This file computes, for every object type of the
 * schema, the fields whose parent record (the mapper in scripts/generate-resolver-types.mjs) does
 * not answer them, and fails `tsc` naming each one that no resolver map implements.
 *
 * Records with an index signature (EntityRecord: the stored properties of a node) answer scalar
 * fields by name; fields that return objects or lists of objects always need a resolver there.
 */
import type { Resolvers } from '../generated/resolverTypes.js';
import type { draftResolvers } from './draft.js';
import type { entityResolvers } from './entity.js';
import type { eventResolvers } from './events.js';
import type { evidenceResolvers } from './evidence.js';
import type { exploreResolvers } from './explore.js';
import type { identifierResolvers } from './identifiers.js';
import type { mutationResolvers } from './mutations.js';
import type { passageResolvers } from './passages.js';
import type { peopleResolvers } from './people.js';
import type { relationshipResolvers } from './relationships.js';
import type { representationResolvers } from './representation.js';
import type { timelineResolvers } from './timeline.js';

/** Every resolver map merged into the server's resolvers (src/resolvers/index.ts). */
export type ResolverMaps = [
  typeof draftResolvers,
  typeof entityResolvers,
  typeof eventResolvers,
  typeof evidenceResolvers,
  typeof exploreResolvers,
  typeof identifierResolvers,
  typeof mutationResolvers,
  typeof passageResolvers,
  typeof peopleResolvers,
  typeof relationshipResolvers,
  typeof representationResolvers,
  typeof timelineResolvers,
];

type AnyFunction = (...args: never[]) => unknown;
type FieldFunction<R> = Extract<NonNullable<R>, AnyFunction> | Extract<NonNullable<R>, { resolve: AnyFunction }>['resolve'];
type FieldResult<R> = Awaited<ReturnType<FieldFunction<R>>>;
type FieldParent<R> = Parameters<FieldFunction<R>>[0];

/** The keys a type declares, without its index signature. */
type DeclaredKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };
type HasIndexSignature<T> = string extends keyof T ? true : false;

type Scalar = string | number | boolean | null | undefined;
type IsScalarResult<R> = [R] extends [Scalar | readonly Scalar[]] ? true : false;

/** Whether the default resolver answers `field` from a parent of type P with the result R. */
type DefaultAnswers<P, Field, R> = Field extends DeclaredKeys<P>
  ? null extends R
    ? [Exclude<P[Field & keyof P], undefined>] extends [R]
      ? true
      : false
    : [P[Field & keyof P]] extends [R]
      ? true
      : false
  : HasIndexSignature<P> extends true
    ? IsScalarResult<R>
    : false;

type SchemaFields<TypeResolvers> = Exclude<keyof NonNullable<TypeResolvers>, `__${string}`>;

/** The fields of one object type that need a resolver of their own. */
type NeedResolver<TypeName extends keyof Resolvers> = {
  [Field in SchemaFields<Resolvers[TypeName]>]: DefaultAnswers<
    FieldParent<NonNullable<Resolvers[TypeName]>[Field]>,
    Field,
    FieldResult<NonNullable<Resolvers[TypeName]>[Field]>
  > extends true
    ? never
    : Field;
}[SchemaFields<Resolvers[TypeName]>];

type ImplementedIn<Map, TypeName> = TypeName extends DeclaredKeys<Map> ? keyof Map[TypeName & keyof Map] : never;
type ImplementedAcross<Maps extends unknown[], TypeName> = { [Index in keyof Maps]: ImplementedIn<Maps[Index], TypeName> }[number];
type Implemented<TypeName> = ImplementedAcross<ResolverMaps, TypeName>;

type ScalarTypeNames = 'Date' | 'JSON';

/** "Type.field" for every field that needs a resolver and has none; `never` when none is missing. */
export type MissingResolvers = {
  [TypeName in Exclude<keyof Resolvers, ScalarTypeNames>]: Exclude<NeedResolver<TypeName>, Implemented<TypeName>> extends infer Field
    ? Field extends string
      ? `${TypeName}.${Field}`
      : never
    : never;
}[Exclude<keyof Resolvers, ScalarTypeNames>];

/** Fails the type check with the names of the fields that have no resolver. */
export const everyFieldIsAnswered: [MissingResolvers] extends [never] ? true : { [Field in MissingResolvers]: 'has no resolver, and its parent record does not answer it' } = true;
