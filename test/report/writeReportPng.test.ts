// writeReport's png option, with Noto Sans CJK made to look missing: the same code path a machine without
// fonts-noto-cjk takes (the CLI's report passes png: 'auto').
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { rejected } from '../helpers/thrown.js';
import { runWithFonts } from '../helpers/fonts.js';
import { writeReport } from '../../src/report/writeReport.js';
import { fanChart } from '../../src/charts/fanChart.js';
import { trajectoryChart } from '../../src/charts/trajectoryChart.js';
import { fanInput, paths } from '../charts/fixtures.js';
import type { Report } from '../../src/report/reportHtml.js';

vi.mock('../../src/render/fontFiles.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/fontFiles.js')>();
  const files = { latin: real.FONT_FILES.latin, cjk: ['/nonexistent/NotoSansCJK-Regular.ttc'] };
  return {
    ...real,
    FONT_FILES: files,
    fontFiles: (svg: string) => real.fontFiles(svg, files),
    missingFonts: (svg: string) => real.missingFonts(svg, files),
  };
});

// the real Latin files (the mock keeps them): the PNG that is written needs them
const { FONT_FILES } = await import('../../src/render/fontFiles.js');
const latinFonts = runWithFonts('writeReportPng.test.ts', 'the png option tests', FONT_FILES.latin);

const report: Report = {
  title: 'R',
  sections: [
    {
      heading: 'S',
      charts: [
        { title: 'Trajectories', spec: trajectoryChart({ rows: paths([['base', 0.1]]) }, { unit: 'CNY trillion' }) },
        {
          title: 'Fan',
          spec: fanChart(fanInput(), { unit: 'CNY trillion', measure: 'Revenue', title: '大数据产业收入' }),
        },
      ],
    },
  ],
};

describe.runIf(latinFonts)('writeReport png', () => {
  const root = mkdtempSync(join(tmpdir(), 'im-png-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const charts = (dir: string) =>
    readdirSync(dir)
      .filter((f) => /^0\d-/.test(f))
      .sort();

  it("png: 'auto' leaves out the PNG of the chart whose Chinese text has no font, and writes the rest", async () => {
    const dir = join(root, 'auto');
    const files = await writeReport(dir, report, { png: 'auto', xlsx: false });
    expect(charts(dir)).toEqual([
      '01-trajectories.png',
      '01-trajectories.svg',
      '01-trajectories.vl.json',
      '02-fan.svg',
      '02-fan.vl.json',
    ]);
    expect(files.filter((f) => f.endsWith('.png'))).toEqual([join(dir, '01-trajectories.png')]);
  });
  it('png: true (the default) throws not_found naming fonts-noto-cjk and writes nothing', async () => {
    const dir = join(root, 'strict');
    expect(await rejected(() => writeReport(dir, report, { xlsx: false }))).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/NotoSansCJK-Regular\.ttc is missing.*fonts-noto-cjk.*setup-system\.sh/),
    });
    expect(existsSync(dir)).toBe(false);
  });
  it('png: false writes no PNG; another value is refused', async () => {
    const dir = join(root, 'none');
    await writeReport(dir, report, { png: false, xlsx: false });
    expect(charts(dir).filter((f) => f.endsWith('.png'))).toEqual([]);
    expect(await rejected(() => writeReport(join(root, 'bad'), report, { png: 'yes' as never }))).toMatchObject({
      code: 'invalid_argument',
      message: 'writeReport: options.png must be true, false or \'auto\' (got "yes").',
    });
  });
});
