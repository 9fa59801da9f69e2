package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import javax.management.JMException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runs keep the JIT on C1, how their inputs are sized, and that this JVM takes the directive. */
class ShortRunJitTest {
  @TempDir
  Path dir;

  @Test
  void aC1OnlyRunGetsOneCompilerThreadOnTwoCoresUnlessTheUserSetsTheCount() {
    assertTrue(ShortRunJit.suitsOneCompilerThread(List.of("-Xmx2g"), 2));
    assertTrue(ShortRunJit.suitsOneCompilerThread(List.of(), 1));
    assertFalse(ShortRunJit.suitsOneCompilerThread(List.of(), 4));
    assertFalse(ShortRunJit.suitsOneCompilerThread(List.of("-XX:CICompilerCount=2"), 2));
  }

  @Test
  void localGlobsAreSizedAsBeamMatchesThem() throws IOException {
    Files.createDirectories(dir.resolve("data/a/deep"));
    Files.write(dir.resolve("data/one.jsonl"), new byte[100]);
    Files.write(dir.resolve("data/two.jsonl"), new byte[20]);
    Files.write(dir.resolve("data/skip.txt"), new byte[1000]);
    Files.write(dir.resolve("data/a/three.jsonl"), new byte[3]);
    Files.write(dir.resolve("data/a/deep/four.jsonl"), new byte[4000]);
    String data = dir.resolve("data").toString();

    assertEquals(OptionalLong.of(120), ShortRunJit.localInputBytes(List.of(data + "/*.jsonl")));
    assertEquals(OptionalLong.of(4123), ShortRunJit.localInputBytes(List.of(data + "/**.jsonl")));
    assertEquals(OptionalLong.of(4000), ShortRunJit.localInputBytes(List.of(data + "/a/**/*.jsonl#openhands/m")));
    assertEquals(OptionalLong.of(100 + 3), ShortRunJit.localInputBytes(List.of(data + "/one.jsonl", data + "/a/t?ree.jsonl")));
    assertEquals(OptionalLong.of(0), ShortRunJit.localInputBytes(List.of(data + "/missing.jsonl", dir + "/nowhere/*.jsonl")));
    assertEquals(OptionalLong.empty(), ShortRunJit.localInputBytes(List.of(data + "/*.jsonl", "hf://datasets/nvidia/x/*.parquet")));
    assertEquals(OptionalLong.empty(), ShortRunJit.localInputBytes(List.of("gs://bucket/*.jsonl")));
    assertEquals(OptionalLong.of(0), ShortRunJit.localInputBytes(List.of()), "no --input: the bundled sample");
  }

  @Test
  void onlySmallKnownInputsAndNoCompilerChoiceOfTheUsersGetC1Alone() {
    assertTrue(ShortRunJit.isSmall(OptionalLong.of(0)));
    assertTrue(ShortRunJit.isSmall(OptionalLong.of(ShortRunJit.SMALL_INPUT_BYTES - 1)));
    assertFalse(ShortRunJit.isSmall(OptionalLong.of(ShortRunJit.SMALL_INPUT_BYTES)));
    assertFalse(ShortRunJit.isSmall(OptionalLong.empty()));

    assertFalse(ShortRunJit.userChoseCompilers(List.of("-Xmx2g", "-XX:+UseG1GC", "-Dx=1")));
    for (String choice : List.of("-XX:TieredStopAtLevel=4", "-XX:TieredStopAtLevel=1", "-XX:-TieredCompilation",
        "-XX:CompilerDirectivesFile=d.json", "-Xint")) {
      assertTrue(ShortRunJit.userChoseCompilers(List.of("-Xmx2g", choice)), choice);
    }
  }

  @Test
  void theRunningJvmTakesTheDirective() throws IOException, JMException {
    ObjectName commands = new ObjectName("com.sun.management:type=DiagnosticCommand");
    assertTrue(ShortRunJit.excludeC2());
    try {
      String directives = String.valueOf(ManagementFactory.getPlatformMBeanServer()
          .invoke(commands, "compilerDirectivesPrint", new Object[] {null}, new String[] {String[].class.getName()}));
      assertTrue(directives.contains("*.*") && directives.contains("Exclude:true"), directives);
    } finally {
      // The directive holds for the whole JVM: take it off again, so later tests here keep C2.
      ManagementFactory.getPlatformMBeanServer()
          .invoke(commands, "compilerDirectivesRemove", new Object[] {null}, new String[] {String[].class.getName()});
    }
  }
}
