package dev.tracecurator.io.hf;

import java.io.Serializable;

/**
 * A path on the Hugging Face Hub as huggingface_hub's HfFileSystem writes it:
 * {@code hf://datasets/OWNER/NAME[@REVISION]/PATH} in a dataset repository,
 * {@code hf://OWNER/NAME[@REVISION]/PATH} in a model repository ({@code model}).
 */
public record HfPath(String repo, String revision, String path, boolean model) implements Serializable {
  public static final String SCHEME = "hf";
  private static final String PREFIX = "hf://datasets/";
  private static final String MODEL_PREFIX = "hf://";

  /** A path in a dataset repository. */
  public HfPath(String repo, String revision, String path) {
    this(repo, revision, path, false);
  }

  public static HfPath parse(String spec) {
    boolean model = !spec.startsWith(PREFIX);
    if (model && (!spec.startsWith(MODEL_PREFIX) || spec.startsWith(MODEL_PREFIX + "spaces/"))) {
      throw new IllegalArgumentException("a Hub path reads hf://datasets/OWNER/NAME[@REVISION]/PATH (a dataset) or "
          + "hf://OWNER/NAME[@REVISION]/PATH (a model), got '" + spec + "'");
    }
    String rest = spec.substring(model ? MODEL_PREFIX.length() : PREFIX.length());
    String[] parts = rest.split("/", 3);
    if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException("a Hub path names OWNER/NAME: '" + spec + "'");
    }
    String name = parts[1];
    String revision = "main";
    int at = name.indexOf('@');
    if (at >= 0) {
      // huggingface_hub writes a revision with slashes (refs/convert/parquet) as refs%2Fconvert%2Fparquet.
      revision = name.substring(at + 1).replace("%2F", "/").replace("%2f", "/");
      name = name.substring(0, at);
    }
    return new HfPath(parts[0] + "/" + name, revision, parts.length == 3 ? parts[2] : "", model);
  }

  public HfPath withPath(String newPath) {
    return new HfPath(repo, revision, newPath, model);
  }

  /** The repository's part of Hub URLs: {@code datasets/OWNER/NAME} or, for a model, {@code OWNER/NAME}. */
  String urlRepo() {
    return (model ? "" : "datasets/") + repo;
  }

  /** The repository's part of Hub API URLs: {@code datasets/OWNER/NAME} or {@code models/OWNER/NAME}. */
  String apiRepo() {
    return (model ? "models/" : "datasets/") + repo;
  }

  public boolean isDirectory() {
    return path.isEmpty() || path.endsWith("/");
  }

  /** The path up to the first glob character's folder: where a listing starts. */
  public String listingRoot() {
    int glob = firstGlob(path);
    if (glob < 0) {
      int slash = path.lastIndexOf('/');
      return slash < 0 ? "" : path.substring(0, slash);
    }
    int slash = path.lastIndexOf('/', glob);
    return slash < 0 ? "" : path.substring(0, slash);
  }

  public boolean isGlob() {
    return firstGlob(path) >= 0;
  }

  static int firstGlob(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return root() + "/" + path;
  }

  /** {@code hf://datasets/OWNER/NAME[@REVISION]} ({@code hf://OWNER/NAME[@REVISION]} for a model), without a path. */
  public String root() {
    return (model ? MODEL_PREFIX : PREFIX) + repo + ("main".equals(revision) ? "" : "@" + revision.replace("/", "%2F"));
  }
}
