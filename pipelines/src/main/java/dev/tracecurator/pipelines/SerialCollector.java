package dev.tracecurator.pipelines;

import java.util.List;

/**
 * Whether a {@code java -jar} run's job JVM ({@link SharedArchiveRelaunch}) gets the serial
 * collector. On a 2-core host G1, the JVM's choice there, cost every run a quarter of its time:
 * its concurrent threads compete with the job's two, and its write barriers are calls in C1's
 * code. Measured with the class-data archive, embedded Flink unless named: 8 rows 4.63 → 3.94 s
 * (4 runs each), 500 rows 7.15 → 5.86 s, 1,000 rows 8.5 → 7.0 s, 2,000 rows (200 MB) 11.2 → 9.8 s
 * and on the DirectRunner 14.7 → 11.8 s, 4,000 rows (420 MB, both compilers) 22.2 → 17.6 s, with
 * half the resident memory. Flink keeps the big buffers off the heap and the DirectRunner suits
 * small inputs, so a run's heap holds little that lives long. It applies to small local inputs
 * ({@link ShortRunJit#SMALL_INPUT_BYTES}) on any host and to every run on a host of at most
 * {@link #FEW_CORES} cores; any collector option of the user's wins.
 */
final class SerialCollector {
  static final String OPTION = "-XX:+UseSerialGC";
  static final int FEW_CORES = 2;

  private SerialCollector() {}

  static boolean suits(List<String> jvmArguments, boolean smallInput, int processors) {
    boolean userChose = jvmArguments.stream().anyMatch(arg -> arg.matches("-XX:[+-]Use\\w*GC"));
    return !userChose && (smallInput || processors <= FEW_CORES);
  }
}
