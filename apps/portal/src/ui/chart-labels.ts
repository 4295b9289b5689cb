/**
 * Which of `count` evenly spread points get a label along an axis `inner` pixels long: every one while they fit,
 * else every n-th, always the last (the latest is the one people look for).
 */
export function spacedLabelIndexes(count: number, inner: number, labelWidth: number): number[] {
  const every = Math.max(1, Math.ceil((count * labelWidth) / Math.max(1, inner)));
  const indexes: number[] = [];
  for (let i = count - 1; i >= 0; i -= every) indexes.push(i);
  return indexes.reverse();
}
