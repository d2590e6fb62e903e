/** Column names for generated or inline data: `x` for one feature, else `x1`, `x2`, … */
export function featureNames(count: number): string[] {
  if (count === 1) return ["x"];
  return Array.from({ length: count }, (_, i) => `x${i + 1}`);
}
