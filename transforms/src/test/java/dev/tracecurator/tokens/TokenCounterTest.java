package dev.tracecurator.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** jtokkit, the bench's bare loop's counter, against tiktoken itself ({@link TiktokenReference}). */
class TokenCounterTest {

  @Test
  void countsEqualTiktokensOnEveryFixtureText() throws IOException {
    TiktokenReference.assertCountsEqual(TokenCounter::count);
  }

  @Test
  void specialTokenTextIsOrdinaryText() {
    // As tiktoken's encode(s, disallowed_special=()): "<|endoftext|>" is several ordinary tokens, not id 100257.
    assertTrue(TokenCounter.count("<|endoftext|>") > 1);
    assertEquals(0, TokenCounter.count(""));
  }
}
