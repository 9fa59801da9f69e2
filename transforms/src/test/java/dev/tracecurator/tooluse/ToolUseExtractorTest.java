package dev.tracecurator.tooluse;

import static dev.tracecurator.testing.Rows.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tracecurator.model.Message;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolUseExtractorTest {
  private static ToolUse extract(String row) {
    return ToolUseExtractor.extract(record(row).messages());
  }

  @Test
  void functionCallAndItsNamedResponseCountOnce() {
    // The tutorial counts execute_bash twice here: at the call and at the tool response's name.
    ToolUse use = extract("{'messages':[{'role':'assistant','content':'','tool_calls':[{'id':'c1','function':{'name':'execute_bash','arguments':'{}'}}]},"
        + "{'role':'tool','content':'ok','tool_call_id':'c1','name':'execute_bash'}]}");
    assertEquals(Map.of("execute_bash", 1), use.counts());
    assertEquals(1, use.totalCalls());
  }

  @Test
  void responsesWithoutIdsAnswerTheOldestUnansweredCall() {
    ToolUse use = extract("{'messages':[{'role':'assistant','content':'','tool_calls':["
        + "{'id':'a','function':{'name':'view','arguments':'{}'}},{'id':'b','function':{'name':'grep','arguments':'{}'}}]},"
        + "{'role':'tool','content':'1'},{'role':'tool','content':'2'}]}");
    assertEquals(Map.of("view", 1, "grep", 1), use.counts());
    List<Message> m = use.messages();
    assertEquals("a", m.get(1).toolCallId());
    assertEquals("view", m.get(1).name());
    assertEquals("b", m.get(2).toolCallId());
    assertEquals("grep", m.get(2).name());
  }

  @Test
  void responseNamingAnIdAnswersThatCall() {
    ToolUse use = extract("{'messages':[{'role':'assistant','content':'','tool_calls':["
        + "{'id':'a','function':{'name':'view','arguments':'{}'}},{'id':'b','function':{'name':'grep','arguments':'{}'}}]},"
        + "{'role':'tool','content':'2','tool_call_id':'b'},{'role':'tool','content':'1'}]}");
    assertEquals("b", use.messages().get(1).toolCallId());
    assertEquals("grep", use.messages().get(1).name());
    assertEquals("a", use.messages().get(2).toolCallId());
  }

  @Test
  void sweAgentToolCallIdsListAnswersItsCall() {
    ToolUse use = extract("{'messages':[{'role':'assistant','content':'','tool_calls':[{'id':'x1','function':{'name':'bash','arguments':'{}'}}]},"
        + "{'role':'tool','content':'out','tool_call_ids':['x1'],'name':'bash'}]}");
    assertEquals(Map.of("bash", 1), use.counts());
    assertEquals("x1", use.messages().get(1).toolCallId());
  }

  @Test
  void namedResponseToNoCallCountsItsName() {
    ToolUse use = extract("{'messages':[{'role':'user','content':'go'},{'role':'tool','content':'out','name':'execute_bash'}]}");
    assertEquals(Map.of("execute_bash", 1), use.counts());
    assertNull(use.messages().get(1).toolCallId());
  }

  @Test
  void responseWithUnknownIdAnswersNothingAndCountsItsName() {
    ToolUse use = extract("{'messages':[{'role':'assistant','content':'','tool_calls':[{'id':'a','function':{'name':'view','arguments':'{}'}}]},"
        + "{'role':'tool','content':'?','tool_call_id':'zzz','name':'finish'},{'role':'tool','content':'1'}]}");
    assertEquals(Map.of("view", 1, "finish", 1), use.counts());
    assertEquals("a", use.messages().get(2).toolCallId());
  }

  @Test
  void xmlFunctionTagsExecuteTagsAndOneShellFencePerTurn() {
    ToolUse use = extract("{'messages':["
        + "{'role':'assistant','content':'I will run <function=Execute_Bash>\\n<parameter=command>ls</parameter></function> "
        + "<function=submit>\\n</function> (a ```bash fence here is prose)'},"
        + "{'role':'assistant','content':'<execute_ipython>print(1)</execute_ipython>'},"
        + "{'role':'assistant','content':'THOUGHT: list it.\\n```bash\\nls\\n```'},"
        + "{'role':'assistant','content':'two commands, which mini-swe-agent refuses: ```bash\\nls\\n``` and ```bash\\npwd\\n```'},"
        + "{'role':'assistant','content':'DISCUSSION\\n```\\nsearch_dir \\\"x\\\" src\\n```'},"
        + "{'role':'user','content':'<function=ignored> in user text'}]}");
    assertEquals(Map.of("execute_bash", 1, "submit", 1, "execute_ipython", 1, "bash_block", 1, "search_dir", 1), use.counts());
    assertEquals(5, use.totalCalls());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "```bash\\nls\\n```|1", "```mswea_bash_command\\nls\\n```|1", "```Shell\\nls\\n```|0", "```bash\\nls```|0", "```bashrc\\n```|0", "```python\\nx\\n```|0", "`bash`|0"})
  void bashFences(String text, int expected) {
    ToolUse use = extract("{'messages':[{'role':'assistant','content':'" + text + "'}]}");
    assertEquals(expected, use.counts().getOrDefault("bash_block", 0));
  }

  @Test
  void textCallsAnswerTheirToolResponses() {
    ToolUse use = extract("{'messages':[{'role':'assistant','content':'<function=str_replace_editor>'},"
        + "{'role':'tool','content':'done','name':'str_replace_editor'}]}");
    assertEquals(Map.of("str_replace_editor", 1), use.counts());
  }

  @Test
  void callsWithoutIdsGetStableIdsThatTheirResponsesCarry() {
    ToolUse use = extract("{'messages':[{'role':'user','content':'u'},{'role':'assistant','content':'','tool_calls':[{'function':{'name':'think','arguments':'{}'}}]},"
        + "{'role':'tool','content':'ok'}]}");
    assertEquals("call_1_0", use.messages().get(1).toolCalls().get(0).id());
    assertEquals("call_1_0", use.messages().get(2).toolCallId());
    assertEquals("think", use.messages().get(2).name());
  }

  @Test
  void textMentionsInAFunctionCallingTurnDoNotStealResponses() {
    ToolUse use = extract("{'messages':[{'role':'assistant','content':'Run ```bash\\nmake\\n```','tool_calls':[{'id':'c','function':{'name':'execute_bash','arguments':'{}'}}]},"
        + "{'role':'tool','content':'built'}]}");
    assertEquals("c", use.messages().get(1).toolCallId());
    assertEquals(Map.of("execute_bash", 1), use.counts(), "where turns carry tool_calls, a fence in prose is no call");
  }
}
