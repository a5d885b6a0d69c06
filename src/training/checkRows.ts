/** Checks a flat row-major feature array and returns its row count. Throws TypeError / RangeError naming `where`. */
export function checkRows(where: string, x: unknown, featureSize: number): number {
  if (!(x instanceof Float32Array)) throw new TypeError(`${where}: x must be a Float32Array (rows × ${featureSize} features, row-major), got ${Object.prototype.toString.call(x)}`);
  if (x.length % featureSize !== 0) {
    throw new RangeError(`${where}: x has ${x.length} values, not a multiple of the ${featureSize} features per row`);
  }
  return x.length / featureSize;
}
