/**
 * The part of jstat 1.9 (https://github.com/jstat/jstat) that falcun-lab uses. jstat ships no types.
 * Its CommonJS export is the `jStat` function object itself (also reachable as `.jStat`).
 */
declare module 'jstat' {
  interface StudentT {
    /** Cumulative distribution function of Student's t with `dof` degrees of freedom at `x`. */
    cdf(x: number, dof: number): number;
    /** Density of Student's t with `dof` degrees of freedom at `x`. */
    pdf(x: number, dof: number): number;
    /** Quantile: the x with cdf(x, dof) = p. */
    inv(p: number, dof: number): number;
  }
  interface JStat {
    readonly studentt: StudentT;
    readonly jStat: JStat;
  }
  const jStat: JStat;
  export default jStat;
}
