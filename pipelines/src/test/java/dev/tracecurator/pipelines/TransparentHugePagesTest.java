package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransparentHugePagesTest {
  @Test
  void askedForOnlyWhereTheKernelGivesThemOnRequest() {
    assertTrue(TransparentHugePages.suits(List.of("-Xmx2g"), Optional.of("always [madvise] never\n")));
    assertFalse(TransparentHugePages.suits(List.of(), Optional.of("[always] madvise never\n")), "already in use");
    assertFalse(TransparentHugePages.suits(List.of(), Optional.of("always madvise [never]\n")), "would only warn");
    assertFalse(TransparentHugePages.suits(List.of(), Optional.empty()), "not Linux");
  }

  @Test
  void theUsersLargePageChoiceWins() {
    for (String choice : List.of("-XX:-UseTransparentHugePages", "-XX:+UseLargePages", "-XX:LargePageSizeInBytes=1g")) {
      assertFalse(TransparentHugePages.suits(List.of(choice), Optional.of("always [madvise] never")), choice);
    }
  }
}
