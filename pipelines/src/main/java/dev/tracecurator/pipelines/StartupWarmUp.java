package dev.tracecurator.pipelines;

import dev.tracecurator.tokens.Tokenizers;

/**
 * Builds the tokenizer's vocabulary on a second thread the moment {@code curate} starts. For its
 * first second a run is one thread (Beam's options factory validating the options interfaces the
 * run names, then the graph), and building cl100k's ranks would take the main thread another
 * 0.3-0.5 s; on a laptop the second core is idle meanwhile. Failures are ignored here: the run loads
 * the same tokenizer itself (waiting for this thread if it is still at it) and reports them.
 */
final class StartupWarmUp {
  private StartupWarmUp() {}

  /** Starts building the built-in encoding {@code --tokenizer} names (cl100k_base by default); returns at once. */
  static void begin(String[] args) {
    String tokenizer = Tokenizers.DEFAULT;
    for (String arg : args) {
      if (arg.startsWith("--tokenizer=")) {
        tokenizer = arg.substring("--tokenizer=".length());
      }
    }
    if (!Tokenizers.isBuiltIn(tokenizer)) {
      return;  // a tokenizer.json may need the options' file systems (hf://, gs://): the run loads it
    }
    String spec = tokenizer;
    Thread thread = new Thread(() -> {
      try {
        Tokenizers.get(spec);
      } catch (RuntimeException e) {
        // the run loads it again and reports the failure
      }
    }, "trace-curator-warm-up");
    thread.setDaemon(true);
    thread.start();
  }
}
