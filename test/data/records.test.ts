import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as z from 'zod/mini';
import { COLLECTIONS, RECORDS, fieldsOf, type Campaign, type Order } from '../../src/data/records.js';
import { schemas, type orderSchema, type campaignSchema } from '../../src/schema/index.js';
import { CANONICAL_FIELDS } from '../../src/adapters/column-mapping.js';
import { FIELDS } from '../../src/server/table-mapping.js';
import { CUSTOM_SQL_COLUMNS } from '../../src/server/compiler.js';

// The record types of the data layer and the zod schemas' outputs are one type (checked
// when the tests are type-checked): a field added to the declaration reaches both.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const orderTypesAgree: Same<Order, z.output<typeof orderSchema>> = true;
const campaignTypesAgree: Same<Campaign, z.output<typeof campaignSchema>> = true;

test('every consumer reads the fields of the declaration, in its order', () => {
  assert.ok(orderTypesAgree && campaignTypesAgree);
  for (const c of COLLECTIONS) {
    const fields = fieldsOf(c);
    assert.deepEqual(Object.keys(schemas[c].def.shape), Object.keys(RECORDS[c]), `${c}: zod shape`);
    const cells = fields.filter(([, f]) => f.type !== 'targets' && f.type !== 'attributes');
    assert.deepEqual(
      Object.entries(CANONICAL_FIELDS[c]).map(([k, [, required]]) => [k, required]),
      cells.map(([k, f]) => [k, f.required]),
      `${c}: CSV columns`,
    );
    const sql = fields.filter(([, f]) => f.sql !== null);
    assert.deepEqual(
      FIELDS[c],
      sql.map(([k]) => k),
      `${c}: warehouse fields`,
    );
    if (c !== 'campaigns')
      assert.deepEqual(
        CUSTOM_SQL_COLUMNS[c],
        sql.flatMap(([, f]) => (f.type === 'time' ? [f.sql, 'day'] : [f.sql])),
        `${c}: normalised SQL columns`,
      );
  }
  // The normalised columns the statements read by name.
  assert.deepEqual(CUSTOM_SQL_COLUMNS.orders, [
    'id',
    'customer_id',
    'time_ms',
    'day',
    'revenue',
    'discount',
    'cogs',
    'campaign_id',
    'channel',
  ]);
  assert.deepEqual(CUSTOM_SQL_COLUMNS.loyalty, ['customer_id', 'time_ms', 'day', 'earned', 'redeemed', 'channel']);
});
