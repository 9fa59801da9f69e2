package dev.tracecurator.sft;

import static dev.tracecurator.testing.Rows.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.tooluse.ToolUseExtractor;
import org.junit.jupiter.api.Test;

/** SFT messages keep what TRL needs: tool calls on assistant turns, call ids and names on tool turns. */
class SftMessagesTest {
  @Test
  void toolTurnsCarryTheirCallIdAndName() {
    var record = record("{'messages':[{'role':'user','content':'go','reasoning_content':null,'tool_calls':null},"
        + "{'role':'assistant','content':'','reasoning_content':'why','tool_calls':[{'id':'c9','type':'function','function':{'name':'execute_bash','arguments':'{}'}}]},"
        + "{'role':'tool','content':'out','reasoning_content':null,'tool_calls':null}]}");
    JsonNode messages = SftMessages.toJson(ToolUseExtractor.extract(record.messages()).messages());
    assertEquals("{\"role\":\"user\",\"content\":\"go\"}", messages.get(0).toString());
    assertEquals("why", messages.get(1).get("reasoning_content").asText());
    assertEquals("c9", messages.get(1).get("tool_calls").get(0).get("id").asText());
    assertEquals("execute_bash", messages.get(1).get("tool_calls").get(0).get("function").get("name").asText());
    assertEquals("{}", messages.get(1).get("tool_calls").get(0).get("function").get("arguments").asText());
    assertEquals("c9", messages.get(2).get("tool_call_id").asText());
    assertEquals("execute_bash", messages.get(2).get("name").asText());
    assertFalse(messages.get(2).has("tool_calls"));
  }

  @Test
  void nullRoleReadsUnknown() {
    var record = record("{'messages':[{'role':null,'content':'x'}]}");
    assertEquals("unknown", SftMessages.toJson(record.messages()).get(0).get("role").asText());
  }
}
