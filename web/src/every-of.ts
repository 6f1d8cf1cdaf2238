// Runtime lists of a server type's values (the web app may only import types from the server):
// `everyOf<T>()([...])` makes the compiler check the list holds exactly T's values, so a value added
// on the server fails the web build until it is added here too.

type Exhaustive<T, A extends readonly T[]> = [Exclude<T, A[number]>] extends [never] ? A : { missing: Exclude<T, A[number]> };

export function everyOf<T extends string>() {
  return <const A extends readonly T[]>(values: A & Exhaustive<T, A>): A => values;
}
