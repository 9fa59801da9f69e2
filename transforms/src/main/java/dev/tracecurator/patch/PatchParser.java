package dev.tracecurator.patch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a unified diff hunk by hunk. The tutorial's parser skips every line starting with
 * {@code +++} or {@code ---}, so it misses added lines such as {@code ++i;} (written {@code +++i;})
 * and removed SQL comments; here a line inside a hunk is an addition or deletion by its first
 * character alone, and a hunk ends when its header's line counts are used up.
 *
 * <p>Files are {@code diff --git} headers, or {@code +++ } headers in plain unified diffs that
 * have none.
 */
public final class PatchParser {
  private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,(\\d+))? \\+\\d+(?:,(\\d+))? @@");

  private PatchParser() {}

  public static PatchStats parse(String diff) {
    if (diff == null || diff.isEmpty()) {
      return PatchStats.EMPTY;
    }
    List<String> files = new ArrayList<>();
    Map<String, Integer> extensions = new LinkedHashMap<>();
    int additions = 0;
    int deletions = 0;
    long oldLeft = 0;
    long newLeft = 0;
    boolean gitHeaderOpen = false;
    for (String line : lines(diff)) {
      if (oldLeft > 0 || newLeft > 0) {
        if (line.startsWith("+")) {
          additions++;
          newLeft--;
          continue;
        }
        if (line.startsWith("-")) {
          deletions++;
          oldLeft--;
          continue;
        }
        if (line.startsWith(" ") || line.isEmpty()) {
          oldLeft--;
          newLeft--;
          continue;
        }
        if (line.startsWith("\\")) {
          continue;
        }
        // Anything else means the header's counts were wrong: leave the hunk and read it as a header.
        oldLeft = 0;
        newLeft = 0;
      }
      if (line.startsWith("diff --git")) {
        String path = gitPath(line);
        if (path != null) {
          addFile(path, files, extensions);
        }
        gitHeaderOpen = true;
      } else if (line.startsWith("+++ ")) {
        if (!gitHeaderOpen) {
          addFile(plainPath(line), files, extensions);
        }
        gitHeaderOpen = false;
      } else if (line.startsWith("@@")) {
        Matcher hunk = HUNK.matcher(line);
        if (hunk.find()) {
          oldLeft = hunk.group(1) == null ? 1 : Long.parseLong(hunk.group(1));
          newLeft = hunk.group(2) == null ? 1 : Long.parseLong(hunk.group(2));
          gitHeaderOpen = false;
        }
      }
    }
    return new PatchStats(files, additions, deletions, extensions);
  }

  /** The tutorial's path: the third word of the header, without its {@code a/}. */
  private static String gitPath(String header) {
    String[] parts = header.trim().split("\\s+");
    if (parts.length < 3) {
      return null;
    }
    return parts[2].startsWith("a/") ? parts[2].substring(2) : parts[2];
  }

  private static String plainPath(String header) {
    String path = header.substring(4);
    int tab = path.indexOf('\t');
    if (tab >= 0) {
      path = path.substring(0, tab);
    }
    path = path.trim();
    return path.startsWith("b/") ? path.substring(2) : path;
  }

  private static void addFile(String path, List<String> files, Map<String, Integer> extensions) {
    files.add(path);
    String base = path.substring(path.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    if (dot >= 0) {
      extensions.merge(base.substring(dot + 1).toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
  }

  /** Lines as git splits them: on \n, with a CR before it dropped (files with CRLF endings). */
  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = text.indexOf('\n', start);
      int stop = end < 0 ? n : end;
      int cut = stop > start && text.charAt(stop - 1) == '\r' ? stop - 1 : stop;
      out.add(text.substring(start, cut));
      start = stop + 1;
    }
    return out;
  }
}
