/** Field checks shared by the model builders (each error names the builder, the field, the value and the bound). */

export function checkPositiveInt(where: string, field: string, value: unknown, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number') throw new TypeError(`${where}: ${field} must be a number, got ${typeof value}`);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`${where}: ${field} must be an integer in [1, ${max}], got ${value}`);
  }
  return value;
}

export function checkShape(where: string, value: unknown, rank: number): number[] {
  if (!Array.isArray(value)) throw new TypeError(`${where}: inputShape must be an array of ${rank} integers, got ${typeof value}`);
  if (value.length !== rank) throw new RangeError(`${where}: inputShape must have ${rank} entries, got [${value.join(', ')}]`);
  value.forEach((d, i) => checkPositiveInt(where, `inputShape[${i}]`, d));
  return value.slice() as number[];
}
