#!/usr/bin/env Rscript
# R's forecast::auto.arima on a long CSV of yearly series (id,t,value): the chosen orders, coefficients and
# the h-step forecasts with 95 % intervals, one row per series, and the time R takes. It is the reference that
# the library's `arima` method is compared with (bench/arima.ts, test/forecast/arima.test.ts).
#
# Usage (from the repository root; needs `apt-get install -y r-base-core r-cran-forecast`):
#   Rscript bench/arima-r.R train=../shared/benchmarks/m3-yearly/train.csv \
#       out=test/forecast/fixtures/arima-m3-r.csv [h=6] [reps=1]
#
# Every series is fitted with auto.arima(ts(x, frequency = 1)) at its defaults and forecast with
# forecast(fit, h = h, level = 95). The loop (fit and forecast, all series, one core) is timed with wall
# clock time after an untimed warm-up; with reps = N it runs N times and the fastest is reported. Numbers are
# written with 12 significant digits; `kind` is drift, mean, none or constant-series (auto.arima's constant-data
# fit), and `constant` is the drift or mean coefficient. A series where auto.arima fails gets model "error" and empty numbers.
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
opt <- list(h = "6", reps = "1")
for (a in args) {
  kv <- regmatches(a, regexpr("=", a), invert = TRUE)[[1]]
  opt[[kv[1]]] <- kv[2]
}
h <- as.integer(opt$h)
d <- read.csv(opt$train, colClasses = c("character", "integer", "numeric"))
d <- d[order(d$id, d$t), ]
train <- split(d$value, factor(d$id, levels = unique(d$id)))
ids <- names(train)
ids <- ids[order(as.integer(sub("^[^0-9]*", "", ids)))]
loadavg <- function() tryCatch(strsplit(readLines("/proc/loadavg"), " ")[[1]][1], error = function(e) "NA")

one <- function(x) {
  fit <- tryCatch(auto.arima(ts(x, frequency = 1)), error = function(e) NULL)
  if (is.null(fit)) return(NULL)
  list(fit = fit, fc = forecast(fit, h = h, level = 95))
}

invisible(one(train[[ids[1]]]))  # warm-up
el <- numeric(0)
res <- NULL
for (r in seq_len(as.integer(opt$reps))) {
  t0 <- proc.time()[["elapsed"]]
  res <- lapply(ids, function(id) one(train[[id]]))
  el[r] <- proc.time()[["elapsed"]] - t0
}
secs <- min(el)
cat(sprintf("R %s, forecast %s: auto.arima + forecast on %d series in %.3f s (%.3f ms/series, fastest of %d), load %s\n",
            getRversion(), packageVersion("forecast"), length(ids), secs, 1000 * secs / length(ids),
            length(el), loadavg()))

num <- function(v) ifelse(is.na(v), "", sprintf("%.12g", v))
coefName <- c("ar1", "ar2", "ar3", "ar4", "ar5", "ma1", "ma2", "ma3", "ma4", "ma5", "constant")
rows <- lapply(seq_along(ids), function(i) {
  r <- res[[i]]
  if (is.null(r)) {
    return(c(id = ids[i], n = length(train[[ids[i]]]), model = "error", p = "", d = "", q = "", kind = "",
             setNames(rep("", length(coefName) + 3 + 3 * h),
                      c(coefName, "sigma2", "loglik", "aicc",
                        paste0("mean", 1:h), paste0("lo", 1:h), paste0("hi", 1:h)))))
  }
  fit <- r$fit
  o <- arimaorder(fit)
  cf <- coef(fit)
  const <- if ("drift" %in% names(cf)) "drift" else if ("intercept" %in% names(cf)) "mean" else "none"
  co <- rep(NA_real_, length(coefName))
  names(co) <- coefName
  if (o[1] > 0) co[paste0("ar", 1:o[1])] <- cf[paste0("ar", 1:o[1])]
  if (o[3] > 0) co[paste0("ma", 1:o[3])] <- cf[paste0("ma", 1:o[3])]
  if (const == "drift") co["constant"] <- cf["drift"]
  if (const == "mean") co["constant"] <- cf["intercept"]
  if (!is.null(fit$constant) && isTRUE(fit$constant)) const <- "constant-series"
  c(id = ids[i], n = length(train[[ids[i]]]), model = as.character(r$fc$method), p = unname(o[1]),
    d = unname(o[2]), q = unname(o[3]), kind = const, num(co), sigma2 = num(fit$sigma2), loglik = num(fit$loglik),
    aicc = num(if (is.null(fit$aicc)) NA else fit$aicc),
    setNames(num(as.numeric(r$fc$mean)), paste0("mean", 1:h)),
    setNames(num(as.numeric(r$fc$lower)), paste0("lo", 1:h)),
    setNames(num(as.numeric(r$fc$upper)), paste0("hi", 1:h)))
})
out <- do.call(rbind, rows)
if (!is.null(opt$out)) write.csv(out, opt$out, row.names = FALSE, quote = 3L)  # the model name has commas
