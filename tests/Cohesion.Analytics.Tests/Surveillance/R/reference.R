# R surveillance 1.20.3's output for every configuration the C# detection is compared on, every monitored week of
# every series, so the comparison is in full (not only the first weeks ../shared/reference/README.md lists).
# Usage: Rscript reference.R INPUT.csv FIRST LAST OUTPUT.csv
#   INPUT.csv: series,observed — each series' weekly counts in time order (times 1, 2, …).
suppressMessages(library(surveillance))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
range <- as.integer(args[2]):as.integer(args[3])
configs <- list(
  `ears-c1` = list(ears = "C1"), `ears-c2` = list(ears = "C2"), `ears-c3` = list(ears = "C3"),
  farrington = list(noPeriods = 1, b = 4, w = 3, weightsThreshold = 1, pastWeeksNotIncluded = 3, pThresholdTrend = 0.05, alpha = 0.1),
  `farrington-defaults` = list(),
  `noufaily-delta` = list(b = 4, w = 3, noPeriods = 10, weightsThreshold = 2.58, pastWeeksNotIncluded = 26, pThresholdTrend = 1, alpha = 0.1),
  `noufaily-nbplugin` = list(b = 4, w = 3, noPeriods = 10, weightsThreshold = 2.58, pastWeeksNotIncluded = 26, pThresholdTrend = 1, alpha = 0.1, thresholdMethod = "nbPlugin"),
  `noufaily-muan` = list(b = 4, w = 3, noPeriods = 10, weightsThreshold = 2.58, pastWeeksNotIncluded = 26, pThresholdTrend = 1, alpha = 0.1, thresholdMethod = "muan"),
  `noufaily-b5` = list(b = 5, w = 3, noPeriods = 10, weightsThreshold = 2.58, pastWeeksNotIncluded = 26, pThresholdTrend = 1, alpha = 0.05, thresholdMethod = "nbPlugin"))
rows <- list()
for (name in unique(d$series)) {
  y <- d$observed[d$series == name]
  s <- sts(observed = y, frequency = 52, start = c(1, 1))
  for (cn in names(configs)) {
    cfg <- configs[[cn]]
    if (!is.null(cfg$ears)) {
      r <- earsC(s, control = list(range = range, method = cfg$ears))
      ex <- rep(NA, length(range)); sc <- rep(NA, length(range))
    } else {
      r <- suppressWarnings(farringtonFlexible(s, control = c(list(range = range, glmWarnings = FALSE), cfg)))
      ex <- as.vector(r@control$expected); sc <- as.vector(r@control$score)
    }
    rows[[length(rows) + 1]] <- data.frame(config = cn, series = name, time = range, observed = as.vector(r@observed),
      expected = ex, upper = as.vector(r@upperbound), alarm = as.vector(r@alarm), score = sc)
  }
}
write.csv(do.call(rbind, rows), args[4], row.names = FALSE, na = "")
