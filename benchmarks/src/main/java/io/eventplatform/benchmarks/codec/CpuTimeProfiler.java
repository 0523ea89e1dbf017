package io.eventplatform.benchmarks.codec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Processor time of the benchmark JVM's threads per operation (the JIT compiler's and the garbage collector's threads
 * are not Java threads and do not count; what is allocated is measured apart, in bytes). On a machine shared with
 * other work, time spent waiting for a core inflates JMH's wall-clock score but not this.
 */
public class CpuTimeProfiler implements InternalProfiler {

	static final String CPU_TIME = "cpu.time.norm";

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private long start;

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		start = cpuTime();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long ops = result.getMetadata().getAllOps();
		double perOp = ops == 0 ? Double.NaN : (cpuTime() - start) / (double) ops;
		return List.of(new ScalarResult(CPU_TIME, perOp, "ns/op", AggregationPolicy.AVG));
	}

	/** JMH's worker threads live from the first iteration to the last, so none is lost in between. */
	private long cpuTime() {
		long sum = 0;
		for (long id : threads.getAllThreadIds()) {
			sum += Math.max(0, threads.getThreadCpuTime(id));
		}
		return sum;
	}

	@Override
	public String getDescription() {
		return "processor time of the JVM's threads per operation";
	}

}
