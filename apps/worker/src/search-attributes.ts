import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '@app/contracts';

const INDEXED = temporal.api.enums.v1.IndexedValueType;
const TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  KEYWORD: INDEXED.INDEXED_VALUE_TYPE_KEYWORD,
  INT: INDEXED.INDEXED_VALUE_TYPE_INT,
  BOOL: INDEXED.INDEXED_VALUE_TYPE_BOOL,
};

/**
 * Registers the workflows' search attributes on the namespace, once (a server that has them is left alone): the
 * dev server gets them at its start, a production cluster from the first worker that starts on it.
 */
export async function ensureSearchAttributes(opts: { address: string; namespace: string }): Promise<string[]> {
  const connection = await Connection.connect({ address: opts.address });
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace: opts.namespace });
    const known = new Set(Object.keys(existing.customAttributes ?? {}));
    const missing = Object.values(SEARCH_ATTRIBUTES).filter((k) => !known.has(k.name));
    if (!missing.length) return [];
    await connection.operatorService.addSearchAttributes({
      namespace: opts.namespace,
      searchAttributes: Object.fromEntries(missing.map((k) => [k.name, TYPES[k.type]])),
    });
    return missing.map((k) => k.name);
  } finally {
    await connection.close();
  }
}
