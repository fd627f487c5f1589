import { storage, type WxtStorageItem } from 'wxt/utils/storage';

type Item = WxtStorageItem<unknown, Record<string, unknown>>;
type ValuesOf<Items extends readonly Item[]> = {
  -readonly [Index in keyof Items]: Items[Index] extends WxtStorageItem<infer Value, infer _Meta>
    ? Value
    : never;
};

/**
 * The values of several stored items (each its fallback when unset) in one storage read per area,
 * where reading them one after another costs a round trip to the browser each.
 */
export async function readItems<const Items extends readonly Item[]>(
  items: Items,
): Promise<ValuesOf<Items>> {
  const results = await storage.getItems([...items]);
  return results.map((result) => result.value as unknown) as ValuesOf<Items>;
}
