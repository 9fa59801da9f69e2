package dev.tracecurator.normalize;

import static dev.tracecurator.testing.Rows.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tutorial's normalize_trajectory, one shape per test. */
class TrajectoryNormalizerTest {
  private static List<String> roles(NormalizedTrajectory t) {
    return t.messages().stream().map(m -> m.path("role").asText()).toList();
  }

  @Test
  void listOfObjects() {
    NormalizedTrajectory t = TrajectoryNormalizer.normalize(node("[{'role':'user','content':'a'},{'role':'assistant','content':'b'}]"));
    assertEquals(List.of("user", "assistant"), roles(t));
    assertNull(t.error());
  }

  @Test
  void listOfJsonStrings() {
    NormalizedTrajectory t = TrajectoryNormalizer.normalize(
        node("['{\\'role\\':\\'user\\',\\'content\\':\\'a\\'}', '{\\'role\\':\\'tool\\',\\'content\\':\\'b\\'}']"));
    assertEquals(List.of("user", "tool"), roles(t));
  }

  @Test
  void wholeListAsOneJsonString() {
    String inner = "[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"u\"}]";
    NormalizedTrajectory t = TrajectoryNormalizer.normalize(JsonNodeFactory.instance.textNode(inner));
    assertEquals(List.of("system", "user"), roles(t));
    assertNull(t.error());
  }

  @Test
  void unparseableStringIsEmptyAndFlagged() {
    NormalizedTrajectory t = TrajectoryNormalizer.normalize(JsonNodeFactory.instance.textNode("[{\"role\": \"user\""));
    assertEquals(0, t.messages().size());
    assertNotNull(t.error());
  }

  @Test
  void nonJsonStringItemBecomesUnknownRole() {
    NormalizedTrajectory t = TrajectoryNormalizer.normalize(node("['plain words', {'role':'user','content':'x'}]"));
    assertEquals(List.of("unknown", "user"), roles(t));
    assertEquals("plain words", t.messages().get(0).get("content").asText());
  }

  @Test
  void jsonStringOfNonObjectIsDropped() {
    // json.loads("5") is 5 and json.loads("[1]") a list: neither is a dict, so the tutorial drops them.
    NormalizedTrajectory t = TrajectoryNormalizer.normalize(node("['5', '[1]', '\\'quoted\\'', {'role':'user'}]"));
    assertEquals(List.of("user"), roles(t));
  }

  @Test
  void nonObjectItemsAreDropped() {
    NormalizedTrajectory t = TrajectoryNormalizer.normalize(node("[1, null, true, [], {'role':'assistant'}]"));
    assertEquals(List.of("assistant"), roles(t));
  }

  @Test
  void nullTrajectoryIsEmptyWithoutError() {
    NormalizedTrajectory t = TrajectoryNormalizer.normalize(null);
    assertEquals(0, t.messages().size());
    assertNull(t.error());
  }

  @Test
  void numberIsAnError() {
    NormalizedTrajectory t = TrajectoryNormalizer.normalize(node("7"));
    assertEquals(0, t.messages().size());
    assertEquals("trajectory is a number, not a list of messages", t.error());
  }

  @Test
  void objectIteratesItsKeysLikePython() {
    // for msg in {"role": ..., "content": ...} yields the keys, which are not JSON: role "unknown".
    NormalizedTrajectory t = TrajectoryNormalizer.normalize(node("{'role':'user','content':'x'}"));
    assertEquals(List.of("unknown", "unknown"), roles(t));
    assertEquals("role", t.messages().get(0).get("content").asText());
  }

  @Test
  void messagesKeepTheirObjects() {
    ObjectNode message = (ObjectNode) node("{'role':'assistant','content':null,'tool_calls':[]}");
    NormalizedTrajectory t = TrajectoryNormalizer.normalize(JsonNodeFactory.instance.arrayNode().add(message));
    assertEquals(message, t.messages().get(0));
  }
}
