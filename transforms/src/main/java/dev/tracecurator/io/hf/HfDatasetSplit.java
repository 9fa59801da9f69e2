package dev.tracecurator.io.hf;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hf://datasets/OWNER/NAME[@REVISION]#CONFIG/SPLIT}: a dataset root whose {@code #} suffix
 * names a config and split, as {@code datasets.load_dataset(NAME, CONFIG, split=SPLIT)} takes them.
 */
public record HfDatasetSplit(HfPath root, String config, String split) {
  private static final Pattern SPEC = Pattern.compile("^(hf://datasets/[^/#]+/[^/#]+)/?#([^/#,]+)/([^/#,]+)$");
  private static final Pattern ROOT = Pattern.compile("^hf://datasets/[^/#]+/[^/#]+/?$");

  /** The config and split a spec names, if it is a dataset root with {@code #CONFIG/SPLIT}. */
  public static Optional<HfDatasetSplit> parse(String spec) {
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new HfDatasetSplit(HfPath.parse(m.group(1)), m.group(2), m.group(3)));
  }

  /** Whether a glob is a dataset root with no path, where a {@code #} suffix names a config and split. */
  public static boolean isDatasetRoot(String glob) {
    return ROOT.matcher(glob).matches();
  }

  @Override
  public String toString() {
    return root.root() + "#" + config + "/" + split;
  }
}
