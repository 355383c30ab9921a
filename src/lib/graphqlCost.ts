import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  parse,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql'
import { toPersianDigits } from './persian/digits'

/**
 * What one GraphQL request may ask for, checked on the parsed query before anything runs. A query
 * costs little to parse but its fields run one after another on the single JavaScript thread: 300
 * aliases of `Articles(limit: 100)` kept the whole process busy for 10 s (security round 2).
 */
export const GRAPHQL_LIMITS = {
  /** Tokens the parser reads before giving up: a 12 KB query has about 2,500. */
  tokens: 5_000,
  /** Fields at the top level, aliases included: a page needs a handful. */
  rootFields: 15,
  /** Selections in all (fields and fragment spreads), fragments expanded. */
  fields: 400,
  /** Nesting of selections: `{ Articles { docs { category { title } } } }` is 4. */
  depth: 10,
  /** Documents a list may return: the REST API's limit for visitors. */
  listLimit: 100,
  /** Documents the whole query may load: the lists' limits, multiplied by the lists around them. */
  documents: 1_000,
} as const

/** Payload's page size when a list names none. */
const DEFAULT_LIMIT = 10

export type QueryCost = { rootFields: number; fields: number; depth: number; documents: number }

/** Why a query is refused, in Persian; thrown before the query runs. */
export class QueryTooCostly extends Error {}

type Variables = Record<string, unknown> | null | undefined

function argumentValue(value: ValueNode | undefined, variables: Variables): unknown {
  if (!value) return undefined
  switch (value.kind) {
    case Kind.INT:
      return Number(value.value)
    case Kind.BOOLEAN:
      return value.value
    case Kind.VARIABLE:
      return variables?.[value.name.value]
    default:
      return undefined
  }
}

const isPaginatedList = (field: FieldNode) =>
  field.selectionSet?.selections.some(
    (s) => s.kind === Kind.FIELD && ['docs', 'totalDocs', 'hasNextPage', 'totalPages'].includes(s.name.value),
  ) ?? false

/** The documents a paginated list field asks for: its limit, refused past GRAPHQL_LIMITS.listLimit. */
function listLimit(field: FieldNode, variables: Variables): number {
  const arg = (name: string) => argumentValue(field.arguments?.find((a) => a.name.value === name)?.value, variables)
  if (arg('pagination') === false)
    throw new QueryTooCostly('فهرست بدون صفحه‌بندی پذیرفته نیست؛ limit را تا ۱۰۰ بگذارید.')
  const limit = arg('limit')
  if (limit === undefined || limit === null) return DEFAULT_LIMIT
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > GRAPHQL_LIMITS.listLimit)
    throw new QueryTooCostly(
      `هر فهرست در GraphQL باید بین ۱ تا ${toPersianDigits(GRAPHQL_LIMITS.listLimit)} مورد بخواهد.`,
    )
  return limit
}

/**
 * Counts what a parsed query asks for and throws QueryTooCostly at the first limit it passes, so
 * even a query whose fragments multiply is never walked further than the limits.
 */
export function measureQuery(document: DocumentNode, variables?: Variables): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  const cost: QueryCost = { rootFields: 0, fields: 0, depth: 0, documents: 0 }

  const walk = (selectionSet: SelectionSetNode, depth: number, multiplier: number, inList: boolean) => {
    if (depth > GRAPHQL_LIMITS.depth)
      throw new QueryTooCostly(`پرسش GraphQL بیش از ${toPersianDigits(GRAPHQL_LIMITS.depth)} سطح تودرتو است.`)
    cost.depth = Math.max(cost.depth, depth)
    for (const selection of selectionSet.selections) {
      // Every selection counts, spreads too: fragments that spread each other twice would otherwise multiply unseen.
      if (++cost.fields > GRAPHQL_LIMITS.fields)
        throw new QueryTooCostly(`پرسش GraphQL بیش از ${toPersianDigits(GRAPHQL_LIMITS.fields)} فیلد می‌خواهد.`)
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, depth, multiplier, inList)
        continue
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value)
        // An unknown fragment is GraphQL's validation error to report; a cycle stops at the depth limit.
        if (fragment) walk(fragment.selectionSet, depth + 1, multiplier, inList)
        continue
      }
      if (depth === 1 && ++cost.rootFields > GRAPHQL_LIMITS.rootFields)
        throw new QueryTooCostly(
          `پرسش GraphQL بیش از ${toPersianDigits(GRAPHQL_LIMITS.rootFields)} فیلد در سطح اول دارد.`,
        )
      if (!selection.selectionSet) continue
      let inner = multiplier
      // A list multiplies what is under it; any other object inside a list (a relation) may load one document each.
      if (isPaginatedList(selection)) inner = multiplier * listLimit(selection, variables)
      const loaded = inner !== multiplier ? inner : inList && selection.name.value !== 'docs' ? multiplier : 0
      cost.documents += loaded
      if (cost.documents > GRAPHQL_LIMITS.documents)
        throw new QueryTooCostly(`پرسش GraphQL بیش از ${toPersianDigits(GRAPHQL_LIMITS.documents)} سند می‌خواهد.`)
      walk(selection.selectionSet, depth + 1, inner, inList || inner !== multiplier)
    }
  }
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, 1, 1, false)
  return cost
}

/**
 * Parses and measures a query; throws QueryTooCostly when it asks too much. A query that does not
 * parse is left to GraphQL, which reports the syntax error itself (in Persian, by our rules).
 */
export function checkQueryCost(query: string, variables?: Variables): void {
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: GRAPHQL_LIMITS.tokens, noLocation: true })
  } catch (error) {
    if (error instanceof GraphQLError && /tokens/.test(error.message))
      throw new QueryTooCostly('پرسش GraphQL بیش از حد بلند است.')
    return
  }
  measureQuery(document, variables)
}

/** The same limits as a validation rule, for Payload's `graphQL.validationRules`. */
export const queryCostRule =
  (variables?: Variables): ValidationRule =>
  (context) => ({
    Document: {
      enter(document) {
        try {
          measureQuery(document, variables)
        } catch (error) {
          if (error instanceof QueryTooCostly) context.reportError(new GraphQLError(error.message))
          else throw error
        }
        return false
      },
    },
  })
