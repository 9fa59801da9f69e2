package dev.tracecurator.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainFlagsTest {
  @Test
  void onlyAssistantTurnsAreTrained() {
    Message call = Message.of("assistant", "").withToolCalls(List.of(new ToolCall("c", "function", "ls", "{}")));
    List<Message> messages = List.of(Message.of("system", "s"), Message.of("user", "u"), call,
        Message.of("tool", "t"), Message.of("assistant", "a"), Message.of(null, "?"));
    assertEquals(List.of(false, false, true, false, true, false), messages.stream().map(TrainFlags::train).toList());
  }
}
