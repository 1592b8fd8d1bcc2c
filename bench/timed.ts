/** Wall-clock time, and this process's CPU time (the machine is shared, so both are shown). */
export function timed<T>(work: () => T): { result: T; seconds: string } {
  const clock = startClock();
  const result = work();
  return { result, seconds: clock() };
}

/** `timed` for work that finishes later; CPU time counts every thread of this process. */
export async function timedAsync<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: string }> {
  const clock = startClock();
  const result = await work();
  return { result, seconds: clock() };
}

/** Starts the clocks; calling the result says how long since, wall and CPU. */
function startClock(): () => string {
  const start = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const { user, system } = process.cpuUsage(cpu);
    const wall = (performance.now() - start) / 1000;
    return `${wall.toFixed(1)} s (CPU ${((user + system) / 1e6).toFixed(1)} s)`;
  };
}
