package dev.tracecurator.sft;

import static dev.tracecurator.testing.Rows.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracecurator.model.Message;
import dev.tracecurator.tooluse.ToolUseExtractor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatMlRendererTest {
  @Test
  void plainTurnsAreStrippedAndJoined() {
    List<Message> messages = List.of(Message.of("system", "  You are helpful.\n"), Message.of("user", "Fix it"));
    assertEquals("<|im_start|>system\nYou are helpful.<|im_end|>\n<|im_start|>user\nFix it<|im_end|>",
        ChatMlRenderer.render(messages));
  }

  @Test
  void assistantTurnKeepsReasoningTextAndToolCalls() {
    List<Message> messages = record("{'messages':[{'role':'assistant','content':'Looking.','reasoning_content':'\\nI should list files.\\n',"
        + "'tool_calls':[{'id':'c1','type':'function','function':{'name':'execute_bash','arguments':'{\\'command\\':\\'ls -la\\',\\'timeout\\':30}'}},"
        + "{'id':'c2','type':'function','function':{'name':'think','arguments':'not json'}}]}]}").messages();
    String expected = "<|im_start|>assistant\n<think>\nI should list files.\n</think>\nLooking.\n"
        + "<tool_call>\n{\"name\": \"execute_bash\", \"arguments\": {\"command\": \"ls -la\", \"timeout\": 30}}\n</tool_call>\n"
        + "<tool_call>\n{\"name\": \"think\", \"arguments\": \"not json\"}\n</tool_call><|im_end|>";
    assertEquals(expected, ChatMlRenderer.render(messages));
  }

  @Test
  void toolCallWithoutTextFollowsTheThinkBlockDirectly() {
    List<Message> messages = record("{'messages':[{'role':'assistant','content':null,'reasoning_content':'r',"
        + "'tool_calls':[{'id':'c1','function':{'name':'finish','arguments':'{}'}}]},{'role':'tool','content':'done'}]}").messages();
    assertEquals("<|im_start|>assistant\n<think>\nr\n</think>\n<tool_call>\n{\"name\": \"finish\", \"arguments\": {}}\n</tool_call><|im_end|>\n"
        + "<|im_start|>tool\ndone<|im_end|>", ChatMlRenderer.render(ToolUseExtractor.extract(messages).messages()));
  }

  @Test
  void nonAsciiIsKeptAsIs() {
    List<Message> messages = record("{'messages':[{'role':'assistant','content':'','tool_calls':[{'id':'c','function':"
        + "{'name':'echo','arguments':'{\\'text\\':\\'héllo ✓\\'}'}}]}]}").messages();
    assertEquals("<|im_start|>assistant\n<tool_call>\n{\"name\": \"echo\", \"arguments\": {\"text\": \"héllo ✓\"}}\n</tool_call><|im_end|>",
        ChatMlRenderer.render(messages));
  }
}
