// A line diff of two renderings (expected vs actual), for the student to read.

const MAX_LINES = 400;

export function lineDiff(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  if (a.length > MAX_LINES || b.length > MAX_LINES) return `- ${a.slice(0, 20).join("\n- ")}\n+ ${b.slice(0, 20).join("\n+ ")}`;
  // Longest common subsequence table, then walk it.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push(`- ${a[i]}`);
      i++;
    } else {
      out.push(`+ ${b[j]}`);
      j++;
    }
  }
  return out.join("\n");
}

/** For two arrays: where they first differ, in words. */
export function firstDifference(expected: unknown, actual: unknown, equal: (x: unknown, y: unknown) => boolean, show: (v: unknown) => string): string | undefined {
  if (!Array.isArray(expected) || !Array.isArray(actual)) return undefined;
  const n = Math.min(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (!equal(expected[i], actual[i])) return `first difference at index ${i}: expected ${show(expected[i])}, received ${show(actual[i])}`;
  }
  if (expected.length !== actual.length) return `expected length ${expected.length}, received length ${actual.length}`;
  return undefined;
}
