package dev.tracecurator.normalize;

import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A stable id for rows that carry none: SHA-256 of the normalised messages, so the same trajectory
 * gets the same id on every run and every runner. Every field is length-prefixed so that no two
 * different message lists serialise to the same bytes.
 */
public final class TrajectoryIds {
  private static final String PREFIX = "sha256:";

  private TrajectoryIds() {}

  public static String contentHash(List<Message> messages) {
    MessageDigest digest = sha256();
    update(digest, Integer.toString(messages.size()));
    for (Message m : messages) {
      update(digest, m.role());
      update(digest, m.content());
      update(digest, m.reasoningContent());
      update(digest, Integer.toString(m.toolCalls().size()));
      for (ToolCall call : m.toolCalls()) {
        update(digest, call.id());
        update(digest, call.name());
        update(digest, call.arguments());
      }
      update(digest, m.toolCallId());
      update(digest, String.join("\u0000", m.toolCallIds()));
      update(digest, m.name());
    }
    return PREFIX + HexFormat.of().formatHex(digest.digest(), 0, 16);
  }

  private static void update(MessageDigest digest, String value) {
    if (value == null) {
      digest.update((byte) 0);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    digest.update((byte) 1);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }
}
