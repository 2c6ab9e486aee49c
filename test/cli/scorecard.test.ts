import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';

describe('industry-metrics scorecard', () => {
  it('scorecard big-data-14th-fyp --as-of 2022 --format json: off track, 24.1 % required, plan 25 %, observed 18 %', async () => {
    const r = await cli(['scorecard', 'big-data-14th-fyp', '--as-of', '2022', '--format', 'json'], tempDir());
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      target: 'bd14.revenue-2025',
      status: 'off track',
      required: 'exactly 24.1%',
      plan: '25.0%',
      observed: '18.0%',
    });
  });
  it("scorecard --as-of 2021 scores the 13th plan's trillion as met", async () => {
    const r = await cli(['scorecard', 'big-data-13th-fyp', '--as-of', '2021', '--format', 'csv'], tempDir());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bd13.revenue-2020');
    expect(r.stdout).toContain('met');
  });
  it('scorecard without --as-of exits 2 with a message', async () => {
    const r = await cli(['scorecard'], tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of must be a whole year');
  });
});
