const BLOCK = 1024;

/** Mutant: equal chunks of floor(n / k); the last n % k values are never summed. */
export function sumPart(data: Int32Array, result: Int32Array, index: number, k: number): void {
  const chunk = Math.floor(data.length / k);
  const start = index * chunk;
  const end = start + chunk;
  for (let from = start; from < end; from += BLOCK) {
    const to = Math.min(from + BLOCK, end);
    let sum = 0;
    for (let i = from; i < to; i++) sum += data[i]!;
    Atomics.add(result, 0, sum);
  }
}
