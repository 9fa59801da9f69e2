package dev.tracecurator.tokens;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts texts built from a row's message texts (the joined text, the rendered template, its
 * assistant turns) tokenising the bulk of each message text once. A message text's middle, from
 * its first to its last {@linkplain TextTokenizer#isCertainCut certain cut}, is counted the first
 * time it is met; wherever it lies in a later text with a certain cut at both of its ends there,
 * its count is added and only the rest of that text is tokenised. Elsewhere, and for a tokenizer
 * without certain cuts, the text is counted whole, so every count equals
 * {@link TextTokenizer#count} of the same text.
 *
 * <p>One per row and thread: middles are remembered by the identity of the message's string,
 * which costs no hashing of its characters (hashing every text cost as much as it saved).
 */
public final class TokenTally {
  /** A message text's middle {@code [from, to)} and its tokens; {@code from == to} for none. */
  private record Middle(int from, int to, int tokens) {}

  private static final Middle NONE = new Middle(0, 0, 0);

  private final TextTokenizer tokenizer;
  private final Map<String, Middle> middles = new IdentityHashMap<>();
  /** Pieces' whole counts, apart from the middles: a piece may also be met as a message's text. */
  private final Map<String, Middle> wholes = new IdentityHashMap<>();

  public TokenTally(TextTokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  public TextTokenizer tokenizer() {
    return tokenizer;
  }

  /** {@code tokenizer().count(text.text())}. */
  public int count(SpannedText text) {
    return count(text, 0, text.text().length());
  }

  /**
   * {@code tokenizer().count(String.join(separator, texts))}, a null text read as {@code "null"},
   * without building the joined text: each text's middle is counted on its own (and remembered,
   * as {@link #count(SpannedText)} does), and only the stretches between middles are put together
   * and tokenised. Copying a row's whole text into one string, only to cut its middles out again,
   * cost more than the rest of the count's own work.
   */
  public int countJoined(List<String> texts, char separator) {
    StringBuilder gap = new StringBuilder();
    int total = 0;
    for (int i = 0; i < texts.size(); i++) {
      if (i > 0) {
        gap.append(separator);
      }
      String text = texts.get(i);
      Middle middle = text == null || text.isEmpty() ? NONE : middleOf(text);
      if (middle == NONE) {
        gap.append(text);
        continue;
      }
      // A middle lies in the joined text with a certain cut at both ends: its count adds.
      gap.append(text, 0, middle.from());
      total += countGap(gap) + middle.tokens();
      gap.setLength(0);
      gap.append(text, middle.to(), text.length());
    }
    return total + countGap(gap);
  }

  private int countGap(StringBuilder gap) {
    return gap.length() == 0 ? 0 : tokenizer.count(gap.toString());
  }

  /** {@code tokenizer().count(text.text().substring(from, to))}. */
  public int count(SpannedText text, int from, int to) {
    String whole = text.text();
    int total = 0;
    int counted = from;
    for (SourceSpan span : text.spans()) {
      if (span.end() <= counted) {
        continue;
      }
      if (span.at() >= to) {
        break;
      }
      if (span.whole()) {
        int start = placed(whole, span, span.from(), span.to(), counted, from, to);
        if (start >= 0) {
          total += countRange(whole, counted, start) + wholeCount(span);
          counted = span.end();
          continue;
        }
      }
      Middle middle = middleOf(span.source());
      if (middle == NONE) {
        continue;
      }
      int start = placed(whole, span, middle.from(), middle.to(), counted, from, to);
      if (start < 0) {
        continue;
      }
      total += countRange(whole, counted, start) + middle.tokens();
      counted = start + middle.to() - middle.from();
    }
    return total + countRange(whole, counted, to);
  }

  /**
   * Where {@code source[first, last)} of the span lies in {@code whole} when its count can be added
   * there: inside the span, at or after what is counted, before {@code to}, with a cut at both
   * its ends; -1 otherwise.
   */
  private int placed(String whole, SourceSpan span, int first, int last, int counted, int from, int to) {
    if (first < span.from() || last > span.to()) {
      return -1;
    }
    int start = span.at() + first - span.from();
    int end = start + last - first;
    if (start < counted || end > to || !isCut(whole, start, from, to) || !isCut(whole, end, from, to)) {
      return -1;
    }
    return start;
  }

  /** A cut of {@code whole[from, to)}: its ends, or a certain cut inside it. */
  private boolean isCut(String whole, int at, int from, int to) {
    return at == from || at == to || tokenizer.isCertainCut(whole, at);
  }

  private int countRange(String text, int from, int to) {
    return from >= to ? 0 : tokenizer.count(text.substring(from, to));
  }

  private Middle middleOf(String source) {
    Middle known = middles.get(source);
    if (known == null) {
      known = findMiddle(source);
      middles.put(source, known);
    }
    return known;
  }

  /** A piece's tokens, counted the first time it is met. */
  private int wholeCount(SourceSpan span) {
    Middle known = wholes.get(span.source());
    if (known == null || known.from() != span.from() || known.to() != span.to()) {
      known = new Middle(span.from(), span.to(), tokenizer.count(span.source().substring(span.from(), span.to())));
      wholes.put(span.source(), known);
    }
    return known.tokens();
  }

  private Middle findMiddle(String source) {
    int first = -1;
    for (int nl = source.indexOf('\n'); nl >= 0; nl = source.indexOf('\n', nl + 1)) {
      if (nl + 1 < source.length() && tokenizer.isCertainCut(source, nl + 1)) {
        first = nl + 1;
        break;
      }
    }
    if (first < 0) {
      return NONE;
    }
    int last = first;
    for (int nl = source.lastIndexOf('\n', source.length() - 2); nl + 1 > first; nl = source.lastIndexOf('\n', nl - 1)) {
      if (tokenizer.isCertainCut(source, nl + 1)) {
        last = nl + 1;
        break;
      }
    }
    return last == first ? NONE : new Middle(first, last, tokenizer.count(source.substring(first, last)));
  }
}
