package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a {@code java -jar} run goes to a child JVM with the class-data archive, and the child's command line. */
class SharedArchiveRelaunchTest {
  @Test
  void anyClassDataOptionOrTheSwitchOrWindowsKeepsTheRunInThisJvm() {
    assertTrue(SharedArchiveRelaunch.applies(List.of("-Xmx2g", "-Dx=y"), null, "Linux"));
    assertFalse(SharedArchiveRelaunch.applies(List.of("-Xshare:off"), null, "Linux"));
    assertFalse(SharedArchiveRelaunch.applies(List.of("-XX:SharedArchiveFile=/tmp/a.jsa"), null, "Linux"));
    assertFalse(SharedArchiveRelaunch.applies(List.of("-XX:ArchiveClassesAtExit=/tmp/a.jsa"), null, "Linux"));
    assertFalse(SharedArchiveRelaunch.applies(List.of("-agentlib:jdwp=transport=dt_socket"), null, "Linux"));
    assertFalse(SharedArchiveRelaunch.applies(List.of(), "off", "Linux"));
    assertFalse(SharedArchiveRelaunch.applies(List.of(), null, "Windows 11"));
    assertTrue(SharedArchiveRelaunch.applies(List.of(), "on", "Mac OS X"));
  }

  @Test
  void theArchiveSitsBesideTheJarNamedForTheJavaThatMapsIt() {
    assertEquals(Path.of("/opt/tc/trace-curator.java-17.0.15.jsa"),
        SharedArchiveRelaunch.archiveFor(Path.of("/opt/tc/trace-curator.jar"), "17.0.15"));
    assertEquals(Path.of("/opt/tc/trace-curator.java-21-ea_x.jsa"),
        SharedArchiveRelaunch.archiveFor(Path.of("/opt/tc/trace-curator.jar"), "21-ea+x"));
  }

  @Test
  void theChildGetsTheSameJvmOptionsAndArgumentsAndIsMarked() {
    List<String> command = SharedArchiveRelaunch.command(Path.of("/opt/tc/trace-curator.jar"), List.of("-Xmx256m"),
        new String[] {"--input=a.jsonl", "--runner=DirectRunner"}, "-XX:SharedArchiveFile=/opt/tc/a.jsa");
    assertTrue(command.get(0).endsWith("/bin/java"), command.toString());
    assertEquals(List.of("-Xmx256m", "-XX:SharedArchiveFile=/opt/tc/a.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-D" + SharedArchiveRelaunch.CHILD_PROPERTY + "=true", "-cp", "/opt/tc/trace-curator.jar", Main.class.getName(),
        "--input=a.jsonl", "--runner=DirectRunner"), command.subList(1, command.size()));
  }
}
