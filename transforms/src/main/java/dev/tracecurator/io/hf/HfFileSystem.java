package dev.tracecurator.io.hf;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.fs.CreateOptions;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;

/**
 * {@code hf://datasets/OWNER/NAME[@REVISION]/PATH-GLOB} as a Beam file system: matching lists the
 * dataset's tree through the Hub API, opening reads by HTTP ranges. Registered through
 * {@link HfFileSystemRegistrar}, so every reader, runner and worker has it. Read-only.
 */
final class HfFileSystem extends FileSystem<HfResourceId> {
  private final HfClient client;
  private final Map<HfPath, Long> sizes = new HashMap<>();

  HfFileSystem(HfClient client) {
    this.client = client;
  }

  @Override
  protected List<MatchResult> match(List<String> specs) throws IOException {
    List<MatchResult> results = new ArrayList<>(specs.size());
    for (String spec : specs) {
      Optional<HfDatasetSplit> split = HfDatasetSplit.parse(spec);
      results.add(split.isPresent() ? matchSplit(split.get()) : matchOne(HfPath.parse(spec)));
    }
    return results;
  }

  /** A config and split: the union of what its patterns match, sorted; an error listing what exists. */
  private MatchResult matchSplit(HfDatasetSplit spec) throws IOException {
    List<HfPath> globs;
    try {
      globs = new HfSplitFiles(client).globs(spec);
    } catch (FileNotFoundException e) {
      return MatchResult.create(MatchResult.Status.NOT_FOUND, e);
    }
    Map<String, MatchResult.Metadata> files = new TreeMap<>();
    for (HfPath glob : globs) {
      MatchResult result = matchOne(glob);
      if (result.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata m : result.metadata()) {
          files.put(m.resourceId().toString(), m);
        }
      }
    }
    if (files.isEmpty()) {
      return MatchResult.create(MatchResult.Status.NOT_FOUND, new FileNotFoundException(
          "no file on the Hub matches split '" + spec.split() + "' of config '" + spec.config() + "' (" + globs + ")"));
    }
    return MatchResult.create(MatchResult.Status.OK, new ArrayList<>(files.values()));
  }

  private MatchResult matchOne(HfPath spec) throws IOException {
    if (spec.path().isEmpty()) {
      return MatchResult.create(MatchResult.Status.NOT_FOUND, new FileNotFoundException(
          "a dataset root needs #CONFIG/SPLIT (e.g. " + spec.root() + "#default/train) or a path glob (e.g. "
              + spec.root() + "/data/**/*.parquet)"));
    }
    boolean glob = spec.isGlob();
    List<HfClient.Entry> entries;
    try {
      entries = client.listTree(spec.withPath(spec.listingRoot()), glob);
    } catch (HfClient.HfNotFoundException e) {
      return MatchResult.create(MatchResult.Status.NOT_FOUND, new FileNotFoundException(e.getMessage()));
    }
    Pattern pattern = glob ? globToRegex(spec.path()) : Pattern.compile(Pattern.quote(spec.path()));
    List<MatchResult.Metadata> matched = new ArrayList<>();
    for (HfClient.Entry entry : entries) {
      if (!entry.directory() && pattern.matcher(entry.path()).matches()) {
        HfPath file = spec.withPath(entry.path());
        synchronized (sizes) {
          sizes.put(file, entry.size());
        }
        matched.add(MatchResult.Metadata.builder()
            .setResourceId(new HfResourceId(file))
            .setSizeBytes(entry.size())
            .setIsReadSeekEfficient(true)
            .setLastModifiedMillis(0L)
            .build());
      }
    }
    if (matched.isEmpty()) {
      return MatchResult.create(MatchResult.Status.NOT_FOUND, new FileNotFoundException("no file on the Hub matches " + spec));
    }
    matched.sort(Comparator.comparing(m -> m.resourceId().toString()));
    return MatchResult.create(MatchResult.Status.OK, matched);
  }

  /** Glob to regex as FileSystems globs read: ** crosses folders, * and ? stay within one. */
  static Pattern globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
        regex.append(slash ? "(?:.*/)?" : ".*");
        i += slash ? 2 : 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) {
        regex.append('\\').append(c);
      } else {
        regex.append(c);
      }
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  protected ReadableByteChannel open(HfResourceId resourceId) throws IOException {
    HfPath file = resourceId.path();
    Long size;
    synchronized (sizes) {
      size = sizes.get(file);
    }
    if (size == null) {
      MatchResult result = matchOne(file);
      if (result.status() != MatchResult.Status.OK) {
        throw new FileNotFoundException("the Hub has no " + file);
      }
      size = result.metadata().get(0).sizeBytes();
    }
    return new HfReadChannel(client, file, size);
  }

  @Override
  protected WritableByteChannel create(HfResourceId resourceId, CreateOptions createOptions) {
    throw readOnly();
  }

  @Override
  protected void copy(List<HfResourceId> srcResourceIds, List<HfResourceId> destResourceIds) {
    throw readOnly();
  }

  @Override
  protected void rename(List<HfResourceId> srcResourceIds, List<HfResourceId> destResourceIds, MoveOptions... moveOptions) {
    throw readOnly();
  }

  @Override
  protected void delete(Collection<HfResourceId> resourceIds) {
    throw readOnly();
  }

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("hf:// is read-only here: write outputs to a local, gs:// or other path");
  }

  @Override
  protected HfResourceId matchNewResource(String singleResourceSpec, boolean isDirectory) {
    HfPath path = HfPath.parse(singleResourceSpec);
    if (isDirectory && !path.isDirectory()) {
      path = path.withPath(path.path() + "/");
    }
    return new HfResourceId(path);
  }

  @Override
  protected String getScheme() {
    return HfPath.SCHEME;
  }
}
