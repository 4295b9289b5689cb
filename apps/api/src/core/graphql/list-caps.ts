import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type GraphQLSchema,
} from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import type { RequestContext } from '../context.js';
import type { RequestBudget } from './request-budget.js';
import { isPageType, listSizeOf } from './list-sizes.js';

/**
 * Every plain list of objects, as it resolves: holds one that grows with use to its `cap` (list-sizes.ts), keeping
 * the end its own order says matters (`keep`), and charges its length to the request's budget before any of its
 * items is resolved. A list is where work fans out, so a request over budget stops there, once per list, instead
 * of failing field by field through every item. Other fields are left as they are.
 */
export function capPlainLists(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName, original) => {
      if (typeName.startsWith('__') || isPageType(original.getType(typeName))) return field;
      if (!isListType(getNullableType(field.type)) || !isCompositeType(getNamedType(field.type)))
        return field;
      const size = listSizeOf(`${typeName}.${fieldName}`);
      const cap = size?.cap ?? Infinity;
      const keepLast = size?.keep === 'last';
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: (source, args, context: RequestContext, info) => {
          const items = (list: unknown[]) => {
            const capped = list.length <= cap ? list : keepLast ? list.slice(-cap) : list.slice(0, cap);
            return context.budget ? whileWithinBudget(capped, context.budget) : capped;
          };
          const settle = (list: unknown) => {
            if (!Array.isArray(list)) return list;
            const budget = context.budget;
            if (budget && (budget.spent += list.length) > budget.checkAt) {
              // Stopped (a rejection) or paused for others' turn (see RequestBudget.check).
              const pause = budget.check();
              if (pause) return pause.then(() => items(list));
            }
            return items(list);
          };
          const value: unknown = resolve(source, args, context, info);
          return value instanceof Promise ? value.then(settle) : settle(value);
        },
      };
    },
  });
}

/**
 * The list's items for graphql-js (which takes any iterable), until the budget runs out: lists already let through
 * when it does then stop where they are, instead of each remaining item failing on its own.
 */
function* whileWithinBudget<T>(items: T[], budget: RequestBudget): Generator<T> {
  for (const item of items) {
    if (budget.exceeded) return;
    yield item;
  }
}
