import type { CliCommand } from './command.js';

// One entry per command: its name and one-line summary (all that `industry-metrics --help` prints), and how to
// load it. Each command lives in its own file in this folder and is loaded only when it runs or shows its own
// help, so a command pays only for the modules it uses. test/cli/conventions.test.ts checks that each entry's
// summary is its command's.

/** A command as the registry knows it before it is loaded. */
export interface CommandEntry {
  readonly name: string;
  /** One line for the command list; the same as the loaded command's `summary`. */
  readonly summary: string;
  load(): Promise<CliCommand>;
}

/** Every `industry-metrics` command, in the order `--help` lists them. */
export const commands: readonly CommandEntry[] = [
  {
    name: 'models',
    summary: 'List the built-in models and your own model files (models/*.model.json in the current folder).',
    load: async () => (await import('./modelsCommand.js')).modelsCommand,
  },
  {
    name: 'check',
    summary: "Check a model's targets against each other and their sources: implied numbers, consistency, assumptions.",
    load: async () => (await import('./checkCommand.js')).checkCommand,
  },
  {
    name: 'project',
    summary: "Project a model's scenarios year by year and check its targets (meets, gap, required CAGR).",
    load: async () => (await import('./projectCommand.js')).projectCommand,
  },
  {
    name: 'simulate',
    summary:
      "Monte Carlo simulation of a model's scenario: yearly quantiles and the probability of meeting each target.",
    load: async () => (await import('./simulateCommand.js')).simulateCommand,
  },
  {
    name: 'report',
    summary:
      'How the plans did, then check, project and simulate models: print a summary, and write report.html, report.xlsx, report.pdf and every chart as SVG, PNG, Vega-Lite JSON and CSV.',
    load: async () => (await import('./reportCommand.js')).reportCommand,
  },
  {
    name: 'forecast',
    summary: 'Forecast every series in a CSV file (long id,year,value or wide): point forecasts and interval bounds.',
    load: async () => (await import('./forecastCommand.js')).forecastCommand,
  },
  {
    name: 'backtest',
    summary:
      'Rolling-origin accuracy of forecasting methods on every series in a CSV file: sMAPE, MASE, OWA, coverage, MSIS.',
    load: async () => (await import('./backtestCommand.js')).backtestCommand,
  },
  {
    name: 'decompose',
    summary:
      'Sector shares, contributions to growth (percentage points) and shares of growth, for a model with sectors or a CSV of sector levels.',
    load: async () => (await import('./decomposeCommand.js')).decomposeCommand,
  },
  {
    name: 'render',
    summary: 'Render a vega-lite spec (.vl.json) to SVG, PNG, PDF or a self-contained HTML page.',
    load: async () => (await import('./renderCommand.js')).renderCommand,
  },
  {
    name: 'scorecard',
    summary:
      "How the plans did: each target met, missed, on or off track, or undetermined as of a year, from published observations, beside the probability the plan's own model gave and nowcasts from the latest observation.",
    load: async () => (await import('./scorecardCommand.js')).scorecardCommand,
  },
];

/** Every command loaded, in the registry's order (for the reference and the tests; the CLI loads one). */
export async function loadCommands(): Promise<CliCommand[]> {
  return Promise.all(commands.map((c) => c.load()));
}
