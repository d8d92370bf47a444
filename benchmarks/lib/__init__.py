"""What the benchmarks share: reference texts and data sets, processes timed, quality scores."""
