package dev.tracecurator.score;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Commands that can read the fix from the repository's future: history beyond the task's base
 * commit (all refs, the reflog, remote branches, fetched upstream), or git's ref files read
 * directly. Open-SWE-Traces' maintainers removed such runs after the fact; we flag them.
 *
 * <p>Deliberately not flagged: {@code git log}, {@code git show}, {@code git diff} of HEAD or a
 * commit hash (the base commit's own history is the task's), {@code git checkout -- FILE},
 * {@code git stash}, {@code git status}, {@code git branch} and {@code git tag} listings.
 */
public final class GitHistoryAccess {
  // git must start the segment (after env assignments, sudo, a subshell's parenthesis): a git
  // command quoted inside a string is not run.
  private static final String GIT = "^[\\s(]*(?:[A-Za-z_][A-Za-z0-9_]*=\\S*\\s+)*(?:sudo\\s+)?git(?:\\s+-C\\s+\\S+|\\s+-c\\s+\\S+|\\s+--no-pager)*\\s+";
  private static final List<Pattern> RULES = List.of(
      // History of every ref, not just HEAD's.
      Pattern.compile(GIT + "(?:log|rev-list|shortlog|whatchanged)\\b[^\\n]*?\\s--(?:all|branches|remotes|tags|glob|reflog)\\b"),
      Pattern.compile(GIT + "reflog\\b"),
      // Bringing upstream in.
      Pattern.compile(GIT + "(?:fetch|pull|ls-remote|clone)\\b"),
      Pattern.compile(GIT + "remote\\s+update\\b"),
      // Other refs by name: remote-tracking branches, raw refs, what a fetch or reset left behind.
      Pattern.compile(GIT + "(?:show|checkout|switch|diff|log|cherry-pick|merge|rebase|reset|restore|cat-file|rev-parse)\\b"
          + "[^\\n]*?(?:\\b(?:origin|upstream|remotes)/|\\brefs/|FETCH_HEAD|ORIG_HEAD|@\\{)"),
      // Git's ref and log files read directly.
      Pattern.compile("\\.git/(?:packed-refs|refs/|logs/|FETCH_HEAD|ORIG_HEAD)"));

  private GitHistoryAccess() {}

  /** The first command (one segment of a command line) that reads other history, if any. */
  public static Optional<String> find(List<Action> actions) {
    for (Action action : actions) {
      String command = action.command();
      if (command == null || (!command.contains("git") && !command.contains(".git/"))) {
        continue;
      }
      for (String segment : command.split("&&|\\|\\||;|\\||\\n")) {
        String trimmed = segment.strip();
        for (Pattern rule : RULES) {
          if (rule.matcher(trimmed).find()) {
            return Optional.of(trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed);
          }
        }
      }
    }
    return Optional.empty();
  }
}
