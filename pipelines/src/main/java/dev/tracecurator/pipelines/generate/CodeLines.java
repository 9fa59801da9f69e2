package dev.tracecurator.pipelines.generate;

/** Source lines in a language, from its templates and the identifier pool. */
final class CodeLines {
  private final Draw draw;
  private final LanguageProfile language;

  CodeLines(Draw draw, LanguageProfile language) {
    this.draw = draw;
    this.language = language;
  }

  String line() {
    return TextPools.fill(draw.pick(language.lineTemplates()), draw.pick(TextPools.IDENTIFIERS), draw.pick(TextPools.IDENTIFIERS));
  }

  /** A file as an editor's `cat -n` shows it. */
  String numbered(int firstLine, int count) {
    StringBuilder out = new StringBuilder(count * 48);
    for (int i = 0; i < count; i++) {
      out.append(String.format("%6d\t", firstLine + i)).append(line()).append('\n');
    }
    return out.toString();
  }
}
