package dev.tracecurator.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether a {@code java -jar} run's job JVM ({@link SharedArchiveRelaunch}) asks for transparent
 * huge pages for its heap. A run's young collections copy survivors into memory never touched
 * before, and on 4 KiB pages each first touch is a page fault: the sample's first collection took
 * 73 ms, 14 ms on 2 MiB pages. Linux gives a JVM huge pages only when it asks for them
 * ({@code madvise}, Debian's and most distributions' mode); in mode {@code always} it has them
 * already, in mode {@code never} asking would only print a warning. Any large-page option of the
 * user's wins.
 */
final class TransparentHugePages {
  static final String OPTION = "-XX:+UseTransparentHugePages";
  static final Path MODE_FILE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

  private TransparentHugePages() {}

  /** Whether to add {@link #OPTION}, for these JVM options and the kernel's mode line (e.g. {@code always [madvise] never}). */
  static boolean suits(List<String> jvmArguments, Optional<String> modeLine) {
    boolean userChose = jvmArguments.stream().anyMatch(arg -> arg.contains("LargePages") || arg.contains("HugePages")
        || arg.startsWith("-XX:LargePageSizeInBytes"));
    return !userChose && modeLine.map(line -> line.contains("[madvise]")).orElse(false);
  }

  /** The kernel's mode line; empty where there is none (not Linux, or no such kernel feature). */
  static Optional<String> modeLine() {
    try {
      return Optional.of(Files.readString(MODE_FILE));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
