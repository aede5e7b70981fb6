package io.s2spay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatisticsTest {

    @Test
    void percentilesUseTheNearestRank() {
        long[] millis = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray();
        LatencyStatistics statistics = new LatencyStatistics(millis);

        assertThat(statistics.percentileMillis(50)).isEqualTo(50.0);
        assertThat(statistics.percentileMillis(95)).isEqualTo(95.0);
        assertThat(statistics.percentileMillis(99)).isEqualTo(99.0);
        assertThat(statistics.maxMillis()).isEqualTo(100.0);
        assertThat(statistics.meanMillis()).isEqualTo(50.5);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        LatencyStatistics statistics = new LatencyStatistics(new long[] {7_000_000});

        assertThat(statistics.percentileMillis(50)).isEqualTo(7.0);
        assertThat(statistics.percentileMillis(99)).isEqualTo(7.0);
    }

    @Test
    void noSamplesGiveNoFigures() {
        assertThat(new LatencyStatistics(new long[0]).percentileMillis(50)).isNaN();
    }
}
