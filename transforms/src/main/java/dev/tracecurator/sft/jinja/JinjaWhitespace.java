package dev.tracecurator.sft.jinja;

import dev.tracecurator.sft.PythonStrings;
import java.util.function.UnaryOperator;

/**
 * Python Jinja's white-space rules applied to the source text, so Jinjava (run with none of its
 * own) prints the template's literal text exactly as transformers' Jinja does: {@code {%-} and
 * {@code -%}} strip all white space on their side, {@code trim_blocks} drops the newline after a
 * block or comment tag, {@code lstrip_blocks} drops spaces and tabs before one on its line, and
 * {@code +} turns the last two off. Jinjava honours {@code {{-} and the two options differently,
 * which shifted every Llama 3.1 and Qwen2.5 line. Comments are dropped here.
 */
final class JinjaWhitespace {
  private JinjaWhitespace() {}

  static String apply(String source, UnaryOperator<String> tagCode) {
    StringBuilder out = new StringBuilder(source.length());
    String pendingData = "";
    boolean lineStarting = true;
    boolean stripNext = false;
    int at = 0;
    while (true) {
      int open = nextOpen(source, at);
      String data = source.substring(at, open < 0 ? source.length() : open);
      if (stripNext) {
        data = lstripAll(data);
      }
      if (open < 0) {
        out.append(pendingData).append(data);
        return out.toString();
      }
      char kind = source.charAt(open + 1);
      int codeStart = open + 2;
      char leftMod = codeStart < source.length() ? source.charAt(codeStart) : ' ';
      boolean minusLeft = leftMod == '-';
      boolean plusLeft = leftMod == '+';
      if (minusLeft || plusLeft) {
        codeStart++;
      }
      int close = closeOf(source, codeStart, kind);
      int codeEnd = close;
      char rightMod = close > codeStart ? source.charAt(close - 1) : ' ';
      boolean minusRight = rightMod == '-';
      boolean plusRight = rightMod == '+';
      if (minusRight || plusRight) {
        codeEnd--;
      }
      boolean block = kind == '%' || kind == '#';
      if (minusLeft) {
        data = rstripAll(data);
      } else if (block && !plusLeft) {
        int lineStart = data.lastIndexOf('\n') + 1;
        if ((lineStart > 0 || lineStarting) && data.substring(lineStart).chars().allMatch(c -> c == ' ' || c == '\t')) {
          data = data.substring(0, lineStart);
        }
      }
      out.append(data);
      if (kind != '#') {
        String closer = kind == '{' ? "}}" : "%}";
        out.append('{').append(kind).append(tagCode.apply(source.substring(codeStart, codeEnd))).append(closer);
      }
      at = close + 2;
      stripNext = minusRight;
      lineStarting = false;
      if (block && !minusRight && !plusRight && at < source.length() && source.charAt(at) == '\n') {
        at++;
        lineStarting = true;
      }
    }
  }

  private static int nextOpen(String s, int from) {
    for (int i = s.indexOf('{', from); i >= 0 && i + 1 < s.length(); i = s.indexOf('{', i + 1)) {
      char c = s.charAt(i + 1);
      if (c == '{' || c == '%' || c == '#') {
        return i;
      }
    }
    return -1;
  }

  /** Where the tag's closing delimiter starts, skipping string literals inside {{ }} and {% %}. */
  private static int closeOf(String s, int from, char kind) {
    char end = kind == '{' ? '}' : kind;
    char quote = 0;
    for (int i = from; i + 1 < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (kind != '#' && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == end && s.charAt(i + 1) == '}') {
        return i;
      }
    }
    throw new UnsupportedTemplateException("a tag that is never closed (at character " + from + ")");
  }

  private static String rstripAll(String s) {
    int end = s.length();
    while (end > 0 && PythonStrings.isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  private static String lstripAll(String s) {
    int start = 0;
    while (start < s.length() && PythonStrings.isSpace(s.charAt(start))) {
      start++;
    }
    return s.substring(start);
  }
}
