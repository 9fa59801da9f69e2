package dev.tracecurator.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.io.hf.HfOptions;
import dev.tracecurator.pipelines.CurateOptions;
import dev.tracecurator.pipelines.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.util.ReleaseInfo;
import org.junit.jupiter.api.Test;

/** --help, COMMAND --help, --version and unknown options, as Main prints them (FirstContactIT runs the jar). */
class HelpTest {
  record Run(int exitCode, String stdout, String stderr) {}

  static Run main(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
    return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpShowsUsageCommandsAndEveryOptionOfOursGroupedWithItsDefault() {
    for (String word : List.of("--help", "-h", "help")) {
      Run run = main(word);
      assertEquals(0, run.exitCode(), run.stderr());
      assertEquals("", run.stderr());
      String help = run.stdout();
      assertTrue(help.startsWith("trace-curator " + Version.ours() + ": "), help);
      assertTrue(help.contains("usage: java -jar trace-curator.jar [curate] [--OPTION=VALUE ...]"), help);
      for (String command : List.of("curate", "inspect", "generate", "bench")) {
        assertTrue(help.lines().anyMatch(l -> l.startsWith("  " + command + " ")), "command " + command + " listed: " + help);
      }
      for (String group : List.of("inputs:", "SFT filters:", "quality and cross-row rules:", "formats:", "output:", "limits:", "runner:")) {
        assertTrue(help.lines().anyMatch(group::equals), group);
      }
      // Defaults come from the annotations, not from a copy.
      assertTrue(help.contains("  --maxSftTokens=N   [default: 32000]"), help);
      assertTrue(help.contains("  --secrets=redact|drop|keep   [default: redact]"), help);
      assertTrue(help.contains("  --maxRecordBytes=N   [default: 268435456 = 256 MiB]"), help);
      assertTrue(help.contains("  --runner=NAME   [default: FlinkRunner, an embedded Flink"), help);
      assertTrue(help.contains("--help=<OptionsClass>, one of: CurateOptions, ") && help.contains("FlinkPipelineOptions"), help);
      assertFalse(help.contains("GoogleApiDebugOptions\n  DirectTestOptions"), "not Beam's own listing");
    }
  }

  /** Every option we declare is in exactly one group, with its @Description's first words: help cannot drift. */
  @Test
  void everyDeclaredOptionIsInOneGroupWithItsDescription() {
    String help = main("--help").stdout().replaceAll("\\s+", " ");
    List<Method> declared = new ArrayList<>(List.of(CurateOptions.class.getDeclaredMethods()));
    declared.addAll(List.of(HfOptions.class.getDeclaredMethods()));
    for (Method getter : declared) {
      Description description = getter.getAnnotation(Description.class);
      if (description == null) {
        continue;
      }
      String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
      long groups = Help.GROUPS.stream().flatMap(g -> g.options().stream()).filter(e -> e.split("=", 2)[0].equals(name)).count();
      assertEquals(1, groups, name + " in one group of Help.GROUPS");
      assertTrue(help.contains(" --" + name), name);
      String opening = String.join(" ", List.of(description.value().split("\\s+")).subList(0, 4));
      assertTrue(help.contains(opening), name + ": " + opening);
    }
  }

  @Test
  void eachCommandHasItsOwnHelp() {
    Run curate = main("curate", "--help");
    assertEquals(0, curate.exitCode());
    assertTrue(curate.stdout().startsWith("usage: java -jar trace-curator.jar [curate]") && curate.stdout().contains("--maxSftTokens=N"),
        curate.stdout());
    for (String command : List.of("inspect", "generate", "bench")) {
      for (String[] args : List.of(new String[] {command, "--help"}, new String[] {"help", command}, new String[] {command, "-h"})) {
        Run run = main(args);
        assertEquals(0, run.exitCode(), String.join(" ", args));
        assertTrue(run.stdout().startsWith("usage: java -jar trace-curator.jar " + command + " "), run.stdout());
      }
    }
    assertTrue(main("generate", "--help").stdout().contains("--out=FILE"));
    assertTrue(main("bench", "--help").stdout().contains("--runners=LIST"));
    Run unknown = main("help", "inpsect");
    assertEquals(2, unknown.exitCode());
    assertEquals("trace-curator: no command inpsect; did you mean inspect?", unknown.stderr().strip());
  }

  @Test
  void versionNamesOursBeamsTheDefaultRunnerAndJava() {
    Run run = main("--version");
    assertEquals(0, run.exitCode());
    List<String> lines = run.stdout().lines().toList();
    assertEquals(4, lines.size(), run.stdout());
    assertTrue(lines.get(0).matches("trace-curator \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), lines.get(0));
    assertEquals("Apache Beam " + ReleaseInfo.getReleaseInfo().getVersion(), lines.get(1));
    assertTrue(lines.get(2).startsWith("default runner: FlinkRunner, an embedded Flink 1."), lines.get(2));
    assertTrue(lines.get(3).startsWith("Java " + System.getProperty("java.version")), lines.get(3));
  }

  @Test
  void anUnknownOptionNamesTheClosestKnownOneAndExitsWithTwo() {
    Run run = main("--maxSftToken=5", "--output=never-written");
    assertEquals(2, run.exitCode());
    assertEquals("trace-curator: unknown option --maxSftToken; did you mean --maxSftTokens?", run.stderr().strip());
    assertEquals("", run.stdout());
    Run beams = main("--flinkMastr=host:8081");
    assertEquals(2, beams.exitCode());
    assertTrue(beams.stderr().contains("did you mean --flinkMaster?"), beams.stderr());
    Run far = main("--colour=blue");
    assertEquals(2, far.exitCode());
    assertTrue(far.stderr().contains("unknown option --colour; --help lists the options"), far.stderr());
    Run command = main("inpect", "data/*.jsonl");
    assertEquals(2, command.exitCode());
    assertTrue(command.stderr().contains("unexpected argument 'inpect'; did you mean inspect?"), command.stderr());
  }

  @Test
  void beamsHelpForOneOptionsClassStillWorks() {
    Run run = main("--help=DirectOptions");
    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(run.stdout().contains("org.apache.beam.runners.direct.DirectOptions") && run.stdout().contains("--enforceImmutability"),
        run.stdout());
    Run ours = main("--help=dev.tracecurator.pipelines.CurateOptions");
    assertTrue(ours.stdout().contains("--maxSftTokens"), ours.stdout());
    Run unknown = main("--help=NoSuchOptions");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.stderr().contains("no options class NoSuchOptions; the classes are: CurateOptions"), unknown.stderr());
  }
}
