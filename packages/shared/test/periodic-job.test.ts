import { PeriodicJob } from '../src/service/periodic-job';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicJob', () => {
  it('runs on its interval and logs what a run reports, until stopped', async () => {
    const lines: string[] = [];
    let runs = 0;
    const job = new PeriodicJob('test job', 20, async () => `run ${++runs}`, (line) => lines.push(line));
    job.start();
    await tick(110);
    await job.stop();
    const seen = runs;
    expect(seen).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toBe('[test job] run 1');
    await tick(60);
    expect(runs).toBe(seen);
  });

  it('never starts with an interval of 0, and logs nothing for a run with nothing to report', async () => {
    const lines: string[] = [];
    let runs = 0;
    const job = new PeriodicJob('idle', 0, async () => (runs++, null), (line) => lines.push(line));
    job.start();
    await tick(30);
    expect(runs).toBe(0);
    await job.runNow();
    expect([runs, lines]).toEqual([1, []]);
  });

  it('runs one at a time: a run asked for during another joins it, and stop() waits for it', async () => {
    let release!: () => void;
    let started = 0;
    let finished = 0;
    const job = new PeriodicJob('slow', 0, async () => {
      started++;
      await new Promise<void>((resolve) => (release = resolve));
      finished++;
      return null;
    });
    const first = job.runNow();
    const second = job.runNow();
    expect(second).toBe(first);
    const stopped = job.stop();
    await tick(10);
    expect([started, finished]).toEqual([1, 0]);
    release();
    await stopped;
    expect(finished).toBe(1);
  });

  it('logs a failed run instead of rejecting, and runs again afterwards', async () => {
    const lines: string[] = [];
    let fail = true;
    const job = new PeriodicJob('flaky', 0, async () => {
      if (fail) throw new Error('peer down');
      return 'ok';
    }, (line) => lines.push(line));
    await job.runNow();
    fail = false;
    await job.runNow();
    expect(lines).toEqual(['[flaky] failed: peer down', '[flaky] ok']);
  });
});
