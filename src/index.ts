// The public API of industry-metrics: one export per line, grouped by folder.
// Each folder's owner edits only its own section.

// errors
export { MetricsError, ErrorCode, isMetricsError } from './errors.js';

// series
export { series, assertAnnual, valueAt, toTidy } from './series/series.js';
export type { Series, SeriesInput, YearValue, TidyRow } from './series/series.js';
export type { Provenance, Assumption } from './series/provenance.js';
export { Scale, Currency, parseUnit, unitToString, sameUnit, isScaleConvertible, assertSameUnit, convertScale, convertCurrency, formatQuantity, shiftDecimal } from './series/units.js';
export type { Unit, Quantity, ExchangeRate, FormatOptions } from './series/units.js';
export { interpolate, InterpolationMethod } from './series/interpolate.js';

// growth
export { cagr } from './growth/cagr.js';
export { compound } from './growth/compound.js';
export { backcast } from './growth/backcast.js';
export { requiredCagr } from './growth/requiredCagr.js';
export { doublingTime } from './growth/doublingTime.js';
export { yoyGrowth } from './growth/yoyGrowth.js';
export { logGrowth } from './growth/logGrowth.js';
export { averageGrowth } from './growth/averageGrowth.js';
export type { AverageGrowthOptions } from './growth/averageGrowth.js';

// targets

// model

// trajectory

// scenario

// simulate

// forecast
export { me } from './forecast/accuracy/me.js';
export { mae } from './forecast/accuracy/mae.js';
export { rmse } from './forecast/accuracy/rmse.js';
export { mape } from './forecast/accuracy/mape.js';
export { smape } from './forecast/accuracy/smape.js';
export { mase } from './forecast/accuracy/mase.js';
export type { MaseOptions } from './forecast/accuracy/mase.js';
export { owa } from './forecast/accuracy/owa.js';
export type { OwaInput } from './forecast/accuracy/owa.js';
export { coverage } from './forecast/accuracy/coverage.js';
export { winkler } from './forecast/accuracy/winkler.js';
export type { WinklerOptions } from './forecast/accuracy/winkler.js';
export { msis } from './forecast/accuracy/msis.js';
export type { MsisOptions } from './forecast/accuracy/msis.js';
export { accuracy } from './forecast/accuracy.js';
export type { Accuracy, AccuracyOptions, IntervalAccuracy } from './forecast/accuracy.js';
export { backtest } from './forecast/backtest.js';
export type { Backtest, BacktestOptions, BacktestOrigin, BacktestSummary, BacktestRow } from './forecast/backtest.js';
export { calibrate, CalibrationErrors } from './forecast/calibrate.js';
export type { CalibrateOptions, Calibration, CalibratedFit } from './forecast/calibrate.js';

// decompose

// charts

// io
export { parseFacts } from './io/parseFacts.js';
export { loadSeeds, factById } from './io/loadSeeds.js';
export type { LoadSeedsOptions } from './io/loadSeeds.js';
export { parseSeriesCsv, readSeriesCsv, CsvLayout } from './io/csv.js';
export type { SeriesRow, ParseSeriesCsvOptions } from './io/csv.js';
