package dev.tracecurator.normalize;

import static dev.tracecurator.testing.Rows.node;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tutorial's message_text on every content shape; expected values are what Python prints. */
class MessageTextTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "plain string               | {'role': 'user', 'content': 'hello'}                                  | hello",
      "null content               | {'role': 'assistant', 'content': null}                                 | ``",
      "missing content            | {'role': 'assistant'}                                                  | ``",
      "empty string               | {'role': 'assistant', 'content': ''}                                   | ``",
      "text blocks joined by LF   | {'content': [{'type': 'text', 'text': 'a'}, {'type': 'text', 'text': 'b'}]} | `a\nb`",
      "block content key          | {'content': [{'content': 'x'}]}                                        | x",
      "empty text falls to content| {'content': [{'text': '', 'content': 'y'}]}                            | y",
      "string items kept          | {'content': ['s1', {'text': 't'}, 's2']}                               | `s1\nt\ns2`",
      "empty parts skipped        | {'content': [{'text': ''}, '', {'type': 'image'}, 'z']}                | z",
      "non-dict non-str dropped   | {'content': [1, null, true, 'k']}                                      | k",
      "dict content is str(dict)  | {'content': {'a': 1, 'b': 'x'}}                                        | `{'a': 1, 'b': 'x'}`",
      "integer content            | {'content': 42}                                                        | 42",
      "float content              | {'content': 1.5}                                                       | 1.5",
      "whole float keeps .0       | {'content': 2.0}                                                       | 2.0",
      "bool content               | {'content': true}                                                      | True",
      "nested repr                | {'content': {'k': [null, false, 'it@s']}}                             | `{'k': [None, False, \"it's\"]}`",
  })
  void messageText(String name, String message, String expected) {
    String json = message.replace('\'', '"').replace('@', '\'');
    String want = expected.replace("\\n", "\n").replace("\\\"", "\"");
    try {
      assertEquals(want, MessageText.of(Json.STRICT.readTree(json)));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @org.junit.jupiter.api.Test
  void nonObjectMessageHasNoText() {
    assertEquals("", MessageText.of(node("'just a string'")));
  }
}
