package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SerialCollectorTest {
  @Test
  void smallInputsAndFewCoresGetTheSerialCollector() {
    assertTrue(SerialCollector.suits(List.of("-Xmx2g"), true, 16));
    assertTrue(SerialCollector.suits(List.of(), false, 2));
    assertFalse(SerialCollector.suits(List.of(), false, 8));
  }

  @Test
  void theUsersCollectorWins() {
    for (String choice : List.of("-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseZGC", "-XX:-UseSerialGC", "-XX:+UseShenandoahGC")) {
      assertFalse(SerialCollector.suits(List.of("-Xmx1g", choice), true, 2), choice);
    }
    assertTrue(SerialCollector.suits(List.of("-XX:+UseStringDeduplication", "-XX:MaxGCPauseMillis=100"), true, 2));
  }
}
