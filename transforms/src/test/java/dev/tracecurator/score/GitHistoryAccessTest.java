package dev.tracecurator.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitHistoryAccessTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "git log --all --oneline",
      "cd /testbed && git log --oneline --all -- src/x.py | head",
      "git --no-pager log --branches --format=%H",
      "git rev-list --all | head",
      "git reflog",
      "git fetch origin",
      "git pull upstream main",
      "git remote update",
      "git ls-remote origin",
      "git show origin/main:src/models.py",
      "git checkout upstream/master -- src/models.py",
      "git diff HEAD refs/remotes/origin/main",
      "git show ORIG_HEAD",
      "git log FETCH_HEAD -3",
      "git -C /testbed show HEAD@{1}",
      "cat .git/packed-refs",
      "ls /testbed/.git/refs/tags && cat .git/ORIG_HEAD",
      "grep fix .git/logs/HEAD"})
  void flagsCommandsThatReadOtherHistory(String command) {
    Optional<String> found = GitHistoryAccess.find(List.of(new Action("execute_bash", command)));
    assertEquals(true, found.isPresent(), command);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "git log -3 --oneline",
      "git show HEAD:src/models.py",
      "git diff",
      "git diff HEAD~1 -- src/models.py",
      "git status && git stash",
      "git checkout -- src/models.py",
      "git show 3f2a9c1",
      "git branch",
      "python -c 'print(\"git log --all is a leak\")' # a string, not git",
      "grep -rn 'logging' src/",
      "echo allgit"})
  void leavesTheBaseCommitsOwnHistoryAlone(String command) {
    assertEquals(Optional.empty(), GitHistoryAccess.find(List.of(new Action("execute_bash", command))), command);
  }

  @org.junit.jupiter.api.Test
  void namesTheOffendingSegmentOfACommandLine() {
    assertEquals(Optional.of("git log --all -S fix_name"),
        GitHistoryAccess.find(List.of(new Action("bash", "cd /repo && git log --all -S fix_name && ls"))));
  }
}
