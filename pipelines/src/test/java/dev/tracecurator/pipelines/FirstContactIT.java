package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person first meets, from the packaged jar as a process: --help, COMMAND --help,
 * --version, a mistyped option, and the progress line redrawn in place on a terminal (a
 * pseudo-terminal from util-linux's script).
 */
class FirstContactIT {
  private static final Path JAR = Path.of("pipelines/target/trace-curator.jar");

  @TempDir
  Path tmp;

  record Result(int exitCode, String stdout, String stderr) {}

  private Result run(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "still running: " + command);
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private Result jar(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  @Test
  void helpVersionAndEachCommandsHelpFromTheJar() throws Exception {
    Result help = jar("--help");
    assertEquals(0, help.exitCode(), help.stderr());
    assertTrue(help.stdout().matches("(?s)trace-curator \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?: .*"), help.stdout());
    assertTrue(help.stdout().contains("\ncommands:\n  curate    (the default)"), help.stdout());
    assertTrue(help.stdout().contains("  --maxSftTokens=N   [default: 32000]"), help.stdout());
    assertFalse(help.stdout().contains("The set of registered options"), "not Beam's listing");

    for (String command : List.of("inspect", "generate", "bench")) {
      Result own = jar(command, "--help");
      assertEquals(0, own.exitCode(), command + ": " + own.stderr());
      assertTrue(own.stdout().startsWith("usage: java -jar trace-curator.jar " + command + " "), own.stdout());
    }

    Result version = jar("--version");
    assertEquals(0, version.exitCode(), version.stderr());
    List<String> lines = version.stdout().lines().toList();
    assertTrue(lines.get(0).matches("trace-curator \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version.stdout());
    assertEquals("Apache Beam 2.62.0", lines.get(1));
    assertTrue(lines.get(2).startsWith("default runner: FlinkRunner, an embedded Flink 1.19"), lines.get(2));
    assertTrue(lines.get(3).startsWith("Java 17"), lines.get(3));

    Result typo = jar("--maxSftToken=5");
    assertEquals(2, typo.exitCode());
    assertEquals("trace-curator: unknown option --maxSftToken; did you mean --maxSftTokens?", typo.stderr().strip());
  }

  /** On a terminal the progress line is redrawn in place ('\r', no new line) with a percentage, and ends with a new line. */
  @Test
  void onATerminalProgressIsOneLineRedrawnWithAPercentage() throws Exception {
    Path output = tmp.resolve("out");
    String command = String.join(" ", "java", "-jar", JAR.toAbsolutePath().toString(),
        "'--input=src/test-fixtures/rows/data/**/*.jsonl'", "--output=" + output, "--progressIntervalSeconds=1");
    Result result = run(List.of("script", "-qfec", command, "/dev/null"));
    assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
    String screen = result.stdout();
    Matcher redraws = Pattern.compile("\rprogress: +(\\d+)% ").matcher(screen);
    List<Integer> starts = new ArrayList<>();
    List<Integer> percents = new ArrayList<>();
    while (redraws.find()) {
      starts.add(redraws.start());
      percents.add(Integer.parseInt(redraws.group(1)));
    }
    assertTrue(starts.size() >= 2, "the line is drawn more than once: " + screen);
    String redrawn = screen.substring(starts.get(0), starts.get(starts.size() - 1));
    assertFalse(redrawn.contains("\n"), "redrawn in place, not a new line each time: " + redrawn);
    assertEquals(100, percents.get(percents.size() - 1));
    assertTrue(screen.substring(starts.get(starts.size() - 1)).matches("(?s)\rprogress: 100% done .*?\\s*\r?\n.*"), screen);
    assertTrue(Files.exists(output.resolve("manifest.json")));
  }
}
