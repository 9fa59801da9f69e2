package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutOfMemoryExitTest {
  @Test
  void anOutOfMemoryErrorAmongTheCausesIsNamedWithTheHeapAndWhereItHappened() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    oom.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("java.util.Arrays", "copyOf", null, 1),
        new StackTraceElement("dev.tracecurator.sft.SelectSftExamples$Decide", "process", null, 2),
        new StackTraceElement("org.apache.beam.runners.direct.DirectTransformExecutor", "run", null, 3)});
    RuntimeException failure = new RuntimeException("Pipeline execution failed", new IllegalStateException("task", oom));
    assertEquals("trace-curator: the job ran out of memory (Java heap space) in SelectSftExamples.Decide.process with "
        + "-Xmx256m: give it a larger heap (-Xmx) or fewer workers", OutOfMemoryExit.message(failure, 256L << 20));
  }

  @Test
  void otherFailuresAreNotReported() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertFalse(OutOfMemoryExit.report(new RuntimeException("disk full", new java.io.IOException("no space")), err));
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    Exception suppressing = new Exception("closing");
    suppressing.addSuppressed(new OutOfMemoryError("Direct buffer memory"));
    assertTrue(OutOfMemoryExit.report(suppressing, err));
    String line = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(line.startsWith("trace-curator: the job ran out of memory (Direct buffer memory) in "), line);
    assertTrue(line.contains(" with -Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m: "), line);
    assertEquals(1, line.lines().count(), line);
  }

  @Test
  void flinkLosingTheErrorWhileAnnotatingItStillCountsAsOutOfMemory() {
    // Flink 1.x on Java 17: its hint on an OutOfMemoryError fails by reflection and replaces it.
    RuntimeException refused = new RuntimeException("Unable to make field private java.lang.String "
        + "java.lang.Throwable.detailMessage accessible");
    refused.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("org.apache.flink.util.ExceptionUtils", "tryEnrichOutOfMemoryError", null, 136),
        new StackTraceElement("org.apache.flink.core.memory.MemorySegmentFactory", "allocateDirectMemory", null, 143)});
    RuntimeException failure = new RuntimeException("Pipeline execution failed", new IllegalStateException("job", refused));
    assertEquals("trace-curator: the job ran out of memory (Flink could not allocate its memory) with -Xmx128m: give it "
        + "a larger heap (-Xmx) or fewer workers", OutOfMemoryExit.message(failure, 128L << 20));
  }
}
