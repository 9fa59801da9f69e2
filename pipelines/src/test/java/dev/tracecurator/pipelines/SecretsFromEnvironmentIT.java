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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials in the environment (HF_TOKEN, cloud keys) reach no log, manifest, report or other
 * output: the jar runs as users run it, with canary values set, once to completion (default
 * runner, with --verbose) and once failing on a bad input with --verbose; every byte written is
 * searched for the canaries.
 */
class SecretsFromEnvironmentIT {
  private static final Path JAR = Path.of("pipelines/target/trace-curator.jar");
  private static final Map<String, String> CANARIES = Map.of(
      "HF_TOKEN", "hf_CanaryEnvTokenQwErTyUiOpAsDfGhJkLzXcVb",
      "AWS_SECRET_ACCESS_KEY", "CanaryAwsSecret/0123456789abcdefGHIJKLMNOPqr",
      "AWS_ACCESS_KEY_ID", "AKIACANARY0123456789",
      "GITHUB_TOKEN", "ghp_CanaryGithubToken0123456789abcdefABCD",
      "GOOGLE_APPLICATION_CREDENTIALS_JSON", "canary-private-key-id-5f4e3d2c1b");

  @TempDir
  Path tmp;

  private String run(Path log, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(CANARIES);
    Process process = builder.start();
    assertTrue(process.waitFor(600, TimeUnit.SECONDS), "timed out: " + command);
    return process.exitValue() + "";
  }

  @Test
  void noEnvironmentSecretReachesAnyOutputOrLog() throws Exception {
    Path out = tmp.resolve("out");
    assertEquals("0", run(tmp.resolve("ok.log"), "--output=" + out, "--progressIntervalSeconds=1", "--verbose"),
        Files.readString(tmp.resolve("ok.log")));
    assertEquals("3", run(tmp.resolve("bad.log"), "--input=no/such/dir/*.jsonl", "--output=" + tmp.resolve("bad"),
        "--verbose"));
    List<Path> written = new ArrayList<>();
    try (Stream<Path> files = Files.walk(tmp)) {
      files.filter(Files::isRegularFile).forEach(written::add);
    }
    assertTrue(written.stream().anyMatch(f -> f.endsWith("manifest.json")));
    assertTrue(written.stream().anyMatch(f -> f.endsWith("index.html")));
    for (Path file : written) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (Map.Entry<String, String> canary : CANARIES.entrySet()) {
        assertFalse(text.contains(canary.getValue()), canary.getKey() + " leaked into " + tmp.relativize(file));
      }
    }
  }
}
