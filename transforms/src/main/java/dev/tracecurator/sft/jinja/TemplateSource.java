package dev.tracecurator.sft.jinja;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat template's source made fit for Jinjava, for the few Jinja spellings it reads otherwise:
 * white space control ({@link JinjaWhitespace}), filters ({@link FilterPrecedence}), keyword arguments
 * ({@link NamedArguments}), {@code not} ({@link NotPrecedence}) and
 * reversing slices.
 */
final class TemplateSource {
  /** A slice with a step, {@code [a:b:c]}: Jinjava's slices have none. */
  private static final Pattern STEPPED_SLICE = Pattern.compile("\\[\\s*(-?\\w*)\\s*:\\s*(-?\\w*)\\s*:\\s*(-?\\w+)\\s*]");

  private TemplateSource() {}

  /**
   * @param filters receives the names of the filters the template uses, for the engine to check
   */
  static String forJinjava(String source, Set<String> filters) {
    // Jinja drops one newline at the very end of a template (keep_trailing_newline=False); Jinjava keeps it.
    String out = source.endsWith("\n") ? source.substring(0, source.length() - 1) : source;
    // [::-1] (Qwen3 walks its messages backwards) is Jinja's reverse; any other step is refused.
    out = out.replace("[::-1]", "|reverse");
    out = JinjaWhitespace.apply(out, code -> {
      filters.addAll(FilterPrecedence.filterNames(code));
      return NamedArguments.parenthesise(NotPrecedence.parenthesise(FilterPrecedence.parenthesise(code)));
    });
    Matcher stepped = STEPPED_SLICE.matcher(out);
    if (stepped.find()) {
      throw new UnsupportedTemplateException("a slice with a step (" + stepped.group() + ")");
    }
    return out;
  }
}
