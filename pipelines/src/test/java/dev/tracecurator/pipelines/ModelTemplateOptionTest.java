package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --chatTemplate=model} end to end: Qwen3's own chat_template, read from its
 * tokenizer_config.json and run by Jinjava, renders the bundled sample exactly as the named
 * {@code qwen3} renderer does; templates that cannot be used stop the run before it starts.
 */
class ModelTemplateOptionTest {
  private static final Path QWEN3 = TokenizerOptionTest.QWEN3;
  private static final Path TEMPLATES = Path.of("src/test-fixtures/templates");

  @TempDir
  Path tmp;

  @Test
  void qwen3sOwnTemplateRendersWhatTheQwen3RendererRenders() throws IOException {
    Path named = run("named", "--chatTemplate=qwen3");
    Path model = run("model", "--chatTemplate=model");
    CurateOutputs.assertSameLines(CurateOutputs.sortedLines(named.resolve(CuratePipeline.ANALYSIS_DIR)),
        CurateOutputs.sortedLines(model.resolve(CuratePipeline.ANALYSIS_DIR)), "analysis rows");
    List<String> namedText = sftLines(named);
    assertFalse(namedText.isEmpty());
    CurateOutputs.assertSameLines(namedText, sftLines(model), "SFT text rows");
    assertEquals("model", CurateOutputs.manifest(model).get("options").get("chatTemplate").asText());
  }

  private Path run(String name, String template) {
    Path out = tmp.resolve(name);
    CurateEndToEndTest.Run run = CurateEndToEndTest.main("--output=" + out, "--progressIntervalSeconds=0", "--report=false",
        "--minGroupSize=1", "--tokenizer=" + QWEN3, template, "--sftFormat=text", "--maxSftTokens=32768");
    assertEquals(0, run.exitCode(), run.stderr());
    return out;
  }

  /** The SFT rows (the rendered texts), without the dataset card, which names the template. */
  private static List<String> sftLines(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve(CuratePipeline.SFT_DIR))) {
      for (Path file : files.filter(f -> !f.getFileName().toString().equals("README.md")).toList()) {
        lines.addAll(Files.readAllLines(file));
      }
    }
    Collections.sort(lines);
    return lines;
  }

  @Test
  void aTemplateThatCannotBeUsedStopsTheRunBeforeItStartsInOneLine() throws IOException {
    Path noConfig = tokenizerWith("no-config", null);
    Path noTemplate = tokenizerWith("no-template", "{\"eos_token\": \"<|im_end|>\"}");
    Path llamaTemplate = tokenizerWith("llama-template", config(Files.readString(TEMPLATES.resolve("llama3_1.jinja"))));
    Path steppedSlice = tokenizerWith("stepped", config("{% for m in messages[::2] %}{{ m.content }}{% endfor %}"));
    record Case(int exit, String mentions, String... args) {}
    for (Case c : List.of(
        new Case(2, "needs --tokenizer to name a model's tokenizer.json", "--tokenizer=cl100k_base"),
        new Case(3, "cannot read", "--tokenizer=" + noConfig),
        new Case(3, "has no chat_template", "--tokenizer=" + noTemplate),
        new Case(2, "<|start_header_id|>", "--tokenizer=" + llamaTemplate),
        new Case(2, "a slice with a step ([::2])", "--tokenizer=" + steppedSlice))) {
      Path out = tmp.resolve("out-" + c.mentions.hashCode());
      String[] args = Stream.concat(Stream.of("--output=" + out, "--progressIntervalSeconds=0", "--chatTemplate=model"),
          Stream.of(c.args)).toArray(String[]::new);
      CurateEndToEndTest.Run run = CurateEndToEndTest.main(args);
      assertEquals(c.exit, run.exitCode(), run.stderr());
      assertEquals(1, run.stderr().lines().count(), run.stderr());
      assertTrue(run.stderr().contains(c.mentions), run.stderr());
      assertFalse(Files.exists(out.resolve("manifest.json")));
    }
  }

  /** A folder with Qwen3's tokenizer.json and the given tokenizer_config.json (none for null). */
  private Path tokenizerWith(String name, String config) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.copy(QWEN3.resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
    if (config != null) {
      Files.writeString(dir.resolve("tokenizer_config.json"), config);
    }
    return dir;
  }

  private static String config(String template) {
    return dev.tracecurator.normalize.Json.write(dev.tracecurator.normalize.Json.STRICT.createObjectNode()
        .put("bos_token", "<|begin_of_text|>").put("eos_token", "<|eot_id|>").put("chat_template", template));
  }
}
