import type { z } from 'zod';

/**
 * A list refinement: each key at most once. The second and later uses are reported on their own item (`field` of
 * it, or the item itself when `field` is null), so the form can show the message where the repeat is.
 */
export function eachOnce<T>(
  keyOf: (item: T) => string | undefined,
  field: string | null,
  message: (key: string) => string,
) {
  return (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const key = keyOf(item);
      if (key === undefined) return;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: field === null ? [index] : [index, field],
          message: message(key),
        });
      }
      seen.add(key);
    });
  };
}
