import DataLoader from 'dataloader';
import type { RequestContext } from './context.js';

/**
 * Declares a DataLoader that lives for one request: every `X.y` field resolved in that request shares one batch,
 * so a list of 50 clients with their engagements costs the same few statements as a list of 5.
 */
export function perRequest<K, V>(
  name: string,
  batch: (context: RequestContext, keys: readonly K[]) => Promise<readonly V[]>,
): (context: RequestContext) => DataLoader<K, V> {
  return (context) => {
    let loader = context.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => batch(context, keys));
      context.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  };
}

/** Puts rows back in the order of the keys asked for; a missing row is null (another tenant's id looks the same). */
export function oneEach<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

export function manyEach<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const byKey = new Map<K, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((key) => byKey.get(key) ?? []);
}
