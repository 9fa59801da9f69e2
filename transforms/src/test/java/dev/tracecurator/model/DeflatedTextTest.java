package dev.tracecurator.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeflatedTextTest {
  /** Letters of one, two, three and four UTF-8 bytes (the last a surrogate pair in Java). */
  private static final List<String> PIECES = List.of("a", "{", "\"", "\\n", "é", "ß", "漢", "—", "😀", "𝔘", " ");

  private static String randomText(Random random, int pieces) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return text.toString();
  }

  @Test
  void givesBackTheTextItsBytesAndItsLengthInUtf8() {
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      String text = randomText(random, random.nextInt(3000));
      DeflatedText deflated = DeflatedText.of(text);
      assertEquals(text, deflated.text());
      assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), deflated.utf8());
      assertEquals(text.getBytes(StandardCharsets.UTF_8).length, deflated.utf8Length());
    }
  }

  @Test
  void anOpeningIsTheTextsFirstCharactersWhateverTheirWidthInUtf8() {
    Random random = new Random(11);
    for (int i = 0; i < 2000; i++) {
      String text = randomText(random, random.nextInt(1500));
      int chars = random.nextInt(700);
      String expected = text.length() <= chars ? text : text.substring(0, chars);
      assertEquals(expected, DeflatedText.of(text).opening(chars), "opening(" + chars + ") of " + text.length() + " chars");
    }
    String wide = "😀".repeat(600);  // 4 bytes for every 2 chars: an opening of 512 cuts no pair
    assertEquals(wide.substring(0, 512), DeflatedText.of(wide).opening(512));
    String odd = "a" + "😀".repeat(600);  // the 512th char is the first half of a pair, as String.substring gives it
    assertEquals(odd.substring(0, 512), DeflatedText.of(odd).opening(512));
  }
}
