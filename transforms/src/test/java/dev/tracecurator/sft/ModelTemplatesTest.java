package dev.tracecurator.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.model.Message;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.tokens.Tokenizers;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** tokenizer_config.json's chat_template: a string, or named templates of which tool_use serves conversations with tools. */
class ModelTemplatesTest {
  private static final List<Message> CHAT = List.of(new Message("user", "hi", null, List.of(), null, List.of(), null),
      new Message("assistant", "yes", null, List.of(), null, List.of(), null));
  private static final List<String> TOOLS = List.of("{\"type\": \"function\", \"function\": {\"name\": \"run\"}}");

  @Test
  void namedTemplatesGiveToolUseWhenThereAreTools() throws Exception {
    ModelTemplate template = ModelTemplates.parse("config", Json.STRICT.readTree("""
        {"eos_token": {"content": "</s>"}, "chat_template": [
          {"name": "default", "template": "D{% for m in messages %}{{ m.content }}{% endfor %}{{ eos_token }}"},
          {"name": "tool_use", "template": "T{{ tools[0].function.name }}"}]}"""));
    assertEquals("Dhiyes</s>", template.render(CHAT, List.of(), true));
    assertEquals("Trun", template.render(CHAT, TOOLS, true));
  }

  @Test
  void textThatLooksLikeJinjaIsPrintedAsItIs() throws Exception {
    ModelTemplate template = ModelTemplates.parse("config", Json.STRICT.readTree(
        "{\"chat_template\": \"{% for m in messages %}{{ m.content }}|{% endfor %}\"}"));
    List<Message> chat = List.of(new Message("user", "{{ y }} {% if %} {#", null, List.of(), null, List.of(), null));
    assertEquals("{{ y }} {% if %} {#|", template.render(chat, List.of(), true));
  }

  @Test
  void whatTheEngineCannotRenderExactlyIsRefusedByName() throws Exception {
    for (String[] c : new String[][] {
        {"{{ messages[0].content|nosuchfilter }}", "the filter 'nosuchfilter'"},
        {"{% for m in messages[::2] %}{{ m.content }}{% endfor %}", "a slice with a step ([::2])"},
        {"{% for m in messages %}{% continue %}{% endfor %}", "Unknown tag: continue"}}) {
      ModelTemplate template = ModelTemplates.parse("config", Json.STRICT.createObjectNode().put("chat_template", c[0]));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, template::check);
      assertTrue(e.getMessage().contains(c[1]), e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
  }

  @Test
  void generationMarkersPrintTheirBody() throws Exception {
    ModelTemplate template = ModelTemplates.parse("config", Json.STRICT.createObjectNode().put("chat_template",
        "{% for m in messages %}{% if m.role == 'assistant' %}{% generation %}<{{ m.content }}>{% endgeneration %}"
            + "{% else %}{{ m.content }}{% endif %}{% endfor %}"));
    assertEquals("hi<yes>", template.render(CHAT, List.of(), true));
  }

  @Test
  void printedListsAndDictsReadAsPythonsRepr() throws Exception {
    ModelTemplate template = ModelTemplates.parse("config", Json.STRICT.createObjectNode().put("chat_template",
        "{{ ['a', 1] }}|{{ {'k': messages[0].content} }}|{{ messages[0].content.split('i') }}"));
    assertEquals("['a', 1]|{'k': 'hi'}|['h', '']", template.render(CHAT, List.of(), true));
  }

  @Test
  void aConfigWithoutADefaultTemplateIsRefused() throws Exception {
    Tokenizers.TokenizerFileException e = assertThrows(Tokenizers.TokenizerFileException.class, () -> ModelTemplates.parse("config",
        Json.STRICT.readTree("{\"chat_template\": [{\"name\": \"rag\", \"template\": \"x\"}]}")));
    assertTrue(e.getMessage().contains("none named default"), e.getMessage());
  }

  @Test
  void qwen3sConfigIsRecognisedAsChatMlForTrainTokens() throws Exception {
    ModelTemplate template = ModelTemplates.load(TemplateFixtures.FIXTURES.resolveSibling("tokenizers/qwen3").toAbsolutePath()
        .toString());
    assertEquals(Optional.of(TurnMarkers.CHATML), template.turnMarkers());
    assertTrue(template.check().containsAll(List.of("<|im_start|>", "<|im_end|>")), template.check().toString());
  }
}
