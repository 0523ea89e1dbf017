package io.eventplatform.benchmarks.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SteadyStateTests {

	private final SteadyState steadyState = SteadyState.standard();

	@Test
	void isSteadyOnceTheLastThreeSlicesAreWithinFivePercentOfEachOther() {
		// Given a rate that climbs while C2 compiles, then levels off
		List<Double> rates = List.of(120.0, 330.0, 900.0, 2_550.0, 2_600.0, 2_680.0);

		// When / Then: 2,550 to 2,680 is 4.9 % of 2,680
		assertThat(steadyState.steady(rates)).hasValueSatisfying(why -> assertThat(why).startsWith("steady"));
		assertThat(steadyState.steady(rates.subList(0, 5))).isEmpty();
	}

	@Test
	void isNotSteadyWhileTheRateStillClimbsALittleEverySlice() {
		// Given three slices each 3 % faster than the one before: 5.7 % apart in all
		List<Double> rates = List.of(1_000.0, 1_030.0, 1_061.0);

		// When / Then
		assertThat(steadyState.steady(rates)).isEmpty();
	}

	@Test
	void isNotSteadyBeforeThereAreEnoughSlices() {
		assertThat(steadyState.steady(List.of(1_000.0, 1_000.0))).isEmpty();
		assertThat(steadyState.steady(List.of())).isEmpty();
	}

	@Test
	void isSettledWhenSixNoisySlicesDoNotRaiseTheMaximum() {
		// Given a plateau too noisy for three slices to agree within 5 %
		List<Double> noisy = List.of(100.0, 1_000.0, 900.0, 1_040.0, 850.0, 1_000.0, 950.0, 880.0);
		// and one as noisy whose last slice beat the earlier maximum by 8 %: still climbing
		List<Double> climbing = List.of(100.0, 1_000.0, 900.0, 950.0, 1_000.0, 850.0, 1_000.0, 1_080.0);

		// When / Then
		assertThat(steadyState.steady(noisy)).hasValueSatisfying(why -> assertThat(why).startsWith("settled"));
		assertThat(steadyState.steady(climbing)).isEmpty();
	}

	@Test
	void timesTheWarmUpToTheEndOfTheFirstSliceAtNinetyPercentOfTheSteadyRate() {
		// Given 5 s slices from the first request on
		List<Slice> slices = List.of(new Slice(0, 5, 100), new Slice(5, 10, 500), new Slice(10, 15, 920),
				new Slice(15, 20, 880), new Slice(20, 25, 1_000));

		// When the steady rate is 1,000/s, 90 % is 900/s: first reached by the slice ending at 15 s
		// Then
		assertThat(SteadyState.timeToReach(slices, 1_000, 0.9)).hasValue(15.0);
		assertThat(SteadyState.timeToReach(slices, 1_100, 0.9)).hasValue(25.0);
	}

	@Test
	void hasNoWarmUpTimeWhenNoSliceReachedNinetyPercent() {
		List<Slice> slices = List.of(new Slice(0, 5, 100), new Slice(5, 10, 500));

		assertThat(SteadyState.timeToReach(slices, 1_000, 0.9)).isEmpty();
		assertThat(SteadyState.timeToReach(slices, 0, 0.9)).isEmpty();
	}

}
