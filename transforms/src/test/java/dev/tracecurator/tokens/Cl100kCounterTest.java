package dev.tracecurator.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our cl100k counter (jtokkit's pre-tokeniser, tiktoken's merge rule over a flat rank table)
 * against tiktoken itself on the reference corpus, and against jtokkit's own encoder, an
 * independent implementation, on every string of the real published rows and on random and
 * adversarial texts.
 */
class Cl100kCounterTest {
  private static final Path REAL = Path.of("src/test-fixtures/real");
  private static final Encoding JTOKKIT = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
  private static final Cl100kCounter COUNTER = new Cl100kCounter();
  private static final ObjectMapper READER = new ObjectMapper();  // lenient: the fixtures are read as published

  @Test
  void countsEqualTiktokensOnTheReferenceCorpus() throws IOException {
    TiktokenReference.assertCountsEqual(text -> text.isEmpty() ? 0 : COUNTER.count(text));  // lone surrogates as they are
  }

  @Test
  void countsEqualJtokkitsOnEveryStringOfTheRealRows() throws IOException {
    List<String> strings = new ArrayList<>();
    try (Stream<Path> files = Files.walk(REAL)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".jsonl")) {
          for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
              collect(READER.readTree(line), strings);
            }
          }
        } else if (name.endsWith(".json") || name.endsWith(".traj")) {
          collect(READER.readTree(file.toFile()), strings);
        }
      }
    }
    assertTrue(strings.size() > 5_000, "only " + strings.size() + " strings");
    assertSameCounts(strings);
  }

  @Test
  void countsEqualJtokkitsOnRandomAndAdversarialTexts() {
    Random random = new Random(20261204);
    String[] alphabet = {
        "a", "Z", "e", "é", "ß", "ж", "中", "文", "ア", "😀", "👩\u200d💻", "0", "7", "١", " ", "  ", "\t", "\n", "\r\n",
        "\r", "'", "'s", "'LL", "'ve", "\"", ".", ",", "_", "-", "=>", "{", "}", "(", ")", "/", "\\", "#", "<|endoftext|>",
        "\u00a0", "\u3000", "def ", "return", "self.", "    ", "\u0301", "ǅ", "ﬁ", "x̧"};
    List<String> texts = new ArrayList<>();
    for (int n = 0; n < 3_000; n++) {
      StringBuilder text = new StringBuilder();
      int parts = 1 + random.nextInt(n % 10 == 0 ? 400 : 40);
      for (int p = 0; p < parts; p++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      texts.add(text.toString());
    }
    // long pieces, past jtokkit's long-piece threshold and around it
    for (int length : new int[] {Cl100kCounter.LONG_PIECE - 1, Cl100kCounter.LONG_PIECE, Cl100kCounter.LONG_PIECE + 1, 5_000}) {
      texts.add("a".repeat(length));
      texts.add(" " + "ab".repeat(length / 2));
      texts.add("1".repeat(length));
      texts.add("!".repeat(length));
      texts.add(" ".repeat(length) + "x");
      texts.add("\n".repeat(length));
      StringBuilder base64 = new StringBuilder();
      for (int i = 0; i < length; i++) {
        base64.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".charAt(random.nextInt(52)));
      }
      texts.add(base64.toString());
    }
    assertSameCounts(texts);
  }

  @Test
  void piecesEqualTheRegexsOnRandomCodePoints() {
    // tiktoken's cl100k pattern, run by Java's regex engine with Unicode classes and case folding
    Pattern cl100k = Pattern.compile("'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}+|\\p{N}{1,3}"
        + "| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*|\\s*[\\r\\n]|\\s+(?!\\S)|\\s+",
        Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNICODE_CASE);
    List<String> texts = randomCodePointTexts(new Random(7), 20_000);
    List<String> mismatches = new ArrayList<>();
    for (String text : texts) {
      List<String> expected = new ArrayList<>();
      Matcher matcher = cl100k.matcher(text);
      while (matcher.find()) {
        expected.add(matcher.group());
      }
      List<String> actual = new ArrayList<>();
      char[] chars = text.toCharArray();
      Cl100kSplitter.split(chars, chars.length, (t, start, end) -> actual.add(new String(t, start, end - start)));
      if (!expected.equals(actual) && mismatches.size() < 5) {
        mismatches.add("regex " + expected + ", ours " + actual);
      }
    }
    assertEquals(List.of(), mismatches);
    assertSameCounts(texts);
  }

  /** Texts of code points drawn from every class the pattern tells apart, and from anywhere in Unicode. */
  private static List<String> randomCodePointTexts(Random random, int count) {
    int[] chosen = {'\'', 's', 'S', 'l', 'L', 'v', 'e', 'E', 'r', 'R', 'd', 'm', 't', 'T', '\u017f', 'a', 'z', '0', '9', ' ', '\t',
        '\n', '\r', '\u000b', '\f', 0x1c, 0x85, 0xa0, 0x1680, 0x2000, 0x2009, 0x200a, 0x200b, 0x2028, 0x2029, 0x202f, 0x205f,
        0x3000, 0xfeff, '.', '!', '#', '(', '"', '-', '_', 0x301, 0x363, 0x2160, 0xb2, 0x663, 0xbd, 0x1d7ce, 0x1d400, 0x20000,
        0x1f600, 0x1f469, 0x200d, 0x4e2d, 0x3042, 0x5d0, 0x627, 0x10a0, 0x1c5, 0x2b0, 0xaa, 0xdf, 0x130, 0x212a, 0xe9};
    List<String> texts = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(n % 50 == 0 ? 300 : 12);
      for (int i = 0; i < length; i++) {
        int cp;
        if (random.nextInt(8) == 0) {
          do {
            cp = random.nextInt(random.nextBoolean() ? 0x3100 : 0x30000);
          } while (Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.UNASSIGNED);
        } else {
          cp = chosen[random.nextInt(chosen.length)];
        }
        text.appendCodePoint(cp);
      }
      texts.add(text.toString());
    }
    return texts;
  }

  private static void assertSameCounts(List<String> texts) {
    List<String> mismatches = new ArrayList<>();
    for (String raw : texts) {
      String text = TokenCounter.withLoneSurrogatesReplaced(raw);
      if (text.isEmpty()) {
        continue;
      }
      int expected = JTOKKIT.countTokensOrdinary(text);
      int actual = COUNTER.count(text);
      if (expected != actual && mismatches.size() < 10) {
        mismatches.add("jtokkit " + expected + ", ours " + actual + ": " + text.substring(0, Math.min(80, text.length())));
      }
    }
    assertEquals(List.of(), mismatches);
  }

  private static void collect(JsonNode node, List<String> strings) {
    if (node.isTextual()) {
      strings.add(node.asText());
    } else {
      node.forEach(child -> collect(child, strings));
      if (node.isObject()) {
        node.fieldNames().forEachRemaining(strings::add);
      }
    }
  }
}
