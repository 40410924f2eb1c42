package io.github.oidcservlet.benchmarks;

import java.util.List;

/** Nearest-rank percentiles of sorted samples. */
final class Percentiles {

    private Percentiles() {
    }

    /** The sample at rank {@code q} (0.5: median, 0.9: p90) of an ascending list. */
    static long of(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q)));
    }
}
