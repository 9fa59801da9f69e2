package dev.tracecurator.pipelines.generate;

import java.nio.file.Path;

/**
 * What to generate.
 *
 * @param rows how many rows
 * @param seed the seed; row i depends only on (seed, i)
 * @param schema {@code hub} (today's Open-SWE-Traces rows) or {@code tutorial} (the tutorial's)
 * @param harness openhands or sweagent
 * @param model minimax_m25 or qwen35_122b
 * @param out the file to write (.jsonl or .jsonl.gz)
 */
record GeneratorSettings(long rows, long seed, String schema, String harness, String model, Path out) {

  static GeneratorSettings parse(String[] args) {
    long rows = 100;
    long seed = 42;
    String schema = "hub";
    String harness = "openhands";
    String model = "minimax_m25";
    Path out = null;
    for (String arg : args) {
      String[] kv = arg.startsWith("--") && arg.contains("=") ? arg.substring(2).split("=", 2) : new String[] {arg, ""};
      switch (kv[0]) {
        case "rows" -> rows = Long.parseLong(kv[1]);
        case "seed" -> seed = Long.parseLong(kv[1]);
        case "schema" -> schema = kv[1];
        case "harness" -> harness = kv[1];
        case "model" -> model = kv[1];
        case "out" -> out = Path.of(kv[1]);
        default -> throw new IllegalArgumentException("unknown argument " + arg
            + "; usage: --rows=N --seed=S --schema=hub|tutorial --harness=openhands|sweagent --model=NAME --out=FILE(.jsonl[.gz])");
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("--out=FILE is required");
    }
    if (!schema.equals("hub") && !schema.equals("tutorial")) {
      throw new IllegalArgumentException("--schema must be hub or tutorial");
    }
    return new GeneratorSettings(rows, seed, schema, harness, model, out);
  }
}
