import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Schema } from './schema.js';

// Kysely builds a query as a tree of objects and compiles it to SQL text on every call. For the short
// reads every API request makes (its token, a case, the case's events) that cost more than SQLite took
// to run them: 11% of a case detail in `npm run bench:api`'s profile, and much of its garbage. A query
// whose shape never changes, only its values, is built and compiled once per database here; each call
// runs the same SQL with its own values.

type Db = Kysely<Schema>;

/** Where each parameter of the compiled SQL comes from: an argument of the call, or a constant of the query. */
type Slot = { readonly argument: number } | { readonly constant: unknown };

interface Shape { readonly query: CompiledQuery; readonly slots: readonly Slot[] }

/** Stand-ins the query is compiled with, so that each parameter can be traced to its argument. */
const stand = (index: number) => `\u0000reused-query-argument-${index}\u0000`;

function compileShape<A extends readonly unknown[]>(db: Db, build: (db: Db, ...args: A) => Compilable<unknown>, arity: number): Shape {
  const standIns = Array.from({ length: arity }, (_, i) => stand(i)) as unknown as A;
  const query = build(db, ...standIns).compile();
  const slots = query.parameters.map((value): Slot => {
    const argument = typeof value === 'string' ? standIns.indexOf(value) : -1;
    return argument >= 0 ? { argument } : { constant: value };
  });
  const used = new Set(slots.flatMap((s) => ('argument' in s ? [s.argument] : [])));
  // An argument that is not a plain value of the SQL (a list spread into `in (…)`, a column name) would
  // change the query's shape from call to call: such a query cannot be reused.
  if (used.size !== arity) throw new Error(`A reused query must use each of its ${arity} arguments as a value of its SQL (it used ${used.size}).`);
  return { query, slots };
}

/**
 * `build` as a function that builds and compiles its query once per database and then only runs it.
 * `build` must give the same SQL whatever its arguments: each argument a plain value (`where('id',
 * '=', id)`), never a list, a column or a condition that is there or not.
 */
export function reusedQuery<A extends readonly unknown[], R>(build: (db: Db, ...args: A) => Compilable<R>): (db: Db, ...args: A) => Promise<R[]> {
  const shapes = new WeakMap<Db, Shape>();
  return async (db, ...args) => {
    // A list would be spread into `in (…)` by Kysely, one parameter per element: another shape each time.
    if (args.some(Array.isArray)) throw new Error('A reused query takes plain values as its arguments, not lists.');
    let shape = shapes.get(db);
    if (!shape) shapes.set(db, shape = compileShape(db, build, build.length - 1));
    const parameters = shape.slots.map((slot) => ('argument' in slot ? args[slot.argument] : slot.constant));
    return (await db.executeQuery<R>({ ...shape.query, parameters })).rows;
  };
}
