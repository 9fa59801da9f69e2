package dev.tracecurator.pipelines.generate;

/** A generated unified diff and its true counts (hunk-aware, as `git apply --numstat` counts). */
record GeneratedPatch(String diff, int files, int added, int deleted) {
  static final GeneratedPatch EMPTY = new GeneratedPatch("", 0, 0, 0);
}
