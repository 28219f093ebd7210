/** Times `fn` over several runs after a warm-up and returns the median in milliseconds. */
export function medianMs(fn: () => unknown, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const g = (globalThis as { gc?: () => void }).gc;
    if (g) g();
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function medianMsAsync(fn: () => Promise<unknown>, runs = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Prints one figure: name, median, goal, and whether the goal is met. */
export function report(name: string, ms: number, goalMs?: number, extra = ""): void {
  const goal = goalMs === undefined ? "" : ` (goal < ${goalMs} ms: ${ms < goalMs ? "met" : "NOT met"})`;
  console.log(`${name}: median ${ms.toFixed(2)} ms${goal}${extra ? " " + extra : ""}`);
}
