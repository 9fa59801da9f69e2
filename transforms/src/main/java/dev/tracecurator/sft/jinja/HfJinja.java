package dev.tracecurator.sft.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import dev.tracecurator.sft.UnrenderableConversationException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jinjava.javax.el.CompositeELResolver;

/**
 * Jinjava set up the way transformers sets up Jinja for {@code apply_chat_template}: blocks trim
 * their newline and strip leading spaces, {@code raise_exception}, {@code strftime_now}, a
 * {@code tojson} that is Python's {@code json.dumps}, Python's string and dict methods, and
 * Python's {@code is iterable}. One engine renders one template source, from any thread.
 */
public final class HfJinja {
  private final Jinjava jinjava;
  private final String source;

  public HfJinja(String source) {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new PythonMethods());
    resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_WRITE);
    jinjava = new Jinjava(JinjavaConfig.newBuilder()
        // TemplateSource has applied trim_blocks, lstrip_blocks and {%- -%} to the text already.
        .withTrimBlocks(false)
        .withLstripBlocks(false)
        .withElResolver(resolver)
        .withFailOnUnknownTokens(false)
        // Jinjava would otherwise run a printed value holding {{ or {% as a template again: trajectories do.
        .withNestedInterpretationEnabled(false)
        // Python's repr for printed lists and dicts (['a', 1], not [a, 1]), dict keys evaluated as
        // Jinja evaluates them, and None items kept in loops.
        .withLegacyOverrides(LegacyOverrides.newBuilder().withUsePyishObjectMapper(true)
            .withEvaluateMapKeys(true).withKeepNullableLoopValues(true).build())
        .build());
    jinjava.registerFilter(new TojsonFilter());
    jinjava.registerFilter(new ItemsFilter());
    jinjava.registerExpTest(new IterableExpTest());
    jinjava.registerTag(new GenerationTag());
    jinjava.registerFunction(new ELFunctionDefinition("", "raise_exception", TemplateFunctions.class, "raiseException",
        String.class));
    jinjava.registerFunction(new ELFunctionDefinition("", "strftime_now", TemplateFunctions.class, "strftimeNow",
        String.class));
    Set<String> filters = new TreeSet<>();
    this.source = TemplateSource.forJinjava(source, filters);
    for (String filter : filters) {
      if (jinjava.getGlobalContext().getFilter(filter) == null) {
        // Jinjava would print nothing for it and say nothing; Jinja refuses the template.
        throw new UnsupportedTemplateException("the filter '" + filter + "' (not in the JVM's engine)");
      }
    }
  }

  /**
   * The template's output for a context.
   *
   * @throws UnrenderableConversationException where the template raises, or Jinjava reports an error
   */
  public String render(Map<String, Object> context) {
    RenderResult result = jinjava.renderForResult(source, context);
    // Warnings count too: Jinjava only warns of an unknown filter and prints nothing, where Jinja refuses the template.
    Optional<TemplateError> fatal = result.getErrors().stream().findFirst();
    if (fatal.isPresent()) {
      throw new UnrenderableConversationException(message(fatal.get()), !raised(fatal.get()));
    }
    return result.getOutput();
  }

  private static boolean raised(TemplateError error) {
    for (Throwable t = error.getException(); t != null; t = t.getCause()) {
      if (t instanceof TemplateFunctions.Raised) {
        return true;
      }
    }
    return false;
  }

  /** The template's own raise_exception message, else Jinjava's, on one line. */
  private static String message(TemplateError error) {
    for (Throwable t = error.getException(); t != null; t = t.getCause()) {
      if (t instanceof TemplateFunctions.Raised raised) {
        return raised.getMessage();
      }
    }
    String text = error.getMessage() == null ? error.getReason().name() : error.getMessage();
    return "chat template error at line " + error.getLineno() + ": " + text.lines().findFirst().orElse("");
  }
}
