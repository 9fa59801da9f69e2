package dev.tracecurator.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.tokens.TokenCounter;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * The least any curation must do: read each line, parse it, and count the cl100k tokens of every
 * message's text, reasoning and tool-call arguments; no Beam, all cores. What a pipeline adds on
 * top of this is its overhead.
 */
final class BareLoop {
  private BareLoop() {}

  static Measurement run(List<Path> files, int threads) throws IOException, InterruptedException {
    return run("bare loop (" + threads + " threads, no Beam)", files, threads, BareLoop::countRow);
  }

  /** What one row costs a contender; returns the row's token count. */
  interface RowWork {
    long apply(String line, long number) throws IOException;
  }

  /** Every line of the files through the work on a pool of threads, timed. */
  static Measurement run(String name, List<Path> files, int threads, RowWork work) throws IOException, InterruptedException {
    LongAdder rows = new LongAdder();
    LongAdder bytes = new LongAdder();
    LongAdder tokens = new LongAdder();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (Path file : files) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          String line;
          long number = 0;
          while ((line = in.readLine()) != null) {
            String row = line;
            long at = ++number;
            pending.add(pool.submit(() -> {
              tokens.add(work.apply(row, at));
              rows.increment();
              bytes.add(row.length() + 1L);
              return null;
            }));
          }
        }
      }
      for (Future<?> f : pending) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException(name + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdown();
    }
    return new Measurement(name, rows.sum(), bytes.sum(), tokens.sum(), (System.nanoTime() - start) / 1e9);
  }

  static long countRow(String line, long number) throws IOException {
    JsonNode row = Json.STRICT.readTree(line);
    JsonNode messages = row.has("messages") ? row.get("messages") : row.path("trajectory");
    long tokens = 0;
    for (JsonNode m : messages) {
      tokens += count(m.path("content"));
      tokens += count(m.path("reasoning_content"));
      for (JsonNode call : m.path("tool_calls")) {
        tokens += count(call.path("function").path("arguments"));
      }
    }
    return tokens;
  }

  private static int count(JsonNode text) {
    return text.isTextual() ? TokenCounter.count(text.asText()) : 0;
  }
}
