/** Marks a branch the type system proves unreachable; throws if reached at run time anyway. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
