package dev.tracecurator.io.hf;

import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/** A file or folder of a Hub dataset, for Beam's FileSystems. */
final class HfResourceId implements ResourceId {
  private final HfPath path;

  HfResourceId(HfPath path) {
    this.path = path;
  }

  HfPath path() {
    return path;
  }

  @Override
  public ResourceId resolve(String other, ResolveOptions options) {
    String base = path.isDirectory() || path.path().isEmpty() ? path.path() : path.path() + "/";
    boolean directory = options == ResolveOptions.StandardResolveOptions.RESOLVE_DIRECTORY;
    return new HfResourceId(path.withPath(base + other + (directory && !other.endsWith("/") ? "/" : "")));
  }

  @Override
  public ResourceId getCurrentDirectory() {
    if (path.isDirectory()) {
      return this;
    }
    int slash = path.path().lastIndexOf('/');
    return new HfResourceId(path.withPath(slash < 0 ? "" : path.path().substring(0, slash + 1)));
  }

  @Override
  public String getScheme() {
    return HfPath.SCHEME;
  }

  @Override
  public String getFilename() {
    String p = path.path().endsWith("/") ? path.path().substring(0, path.path().length() - 1) : path.path();
    return p.substring(p.lastIndexOf('/') + 1);
  }

  @Override
  public boolean isDirectory() {
    return path.isDirectory();
  }

  @Override
  public String toString() {
    return path.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HfResourceId other && other.path.equals(path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }
}
