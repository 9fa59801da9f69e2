package dev.tracecurator.tokens;

import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.io.FileSystems;

/**
 * The tokenizers {@code --tokenizer} names, each loaded once per JVM (workers included) and shared:
 * <ul>
 *   <li>{@code cl100k_base} (the tutorial's) or {@code o200k_base}: tiktoken's encodings, by jtokkit;
 *   <li>{@code hf://OWNER/NAME[@REVISION]}: the {@code tokenizer.json} of a Hub model repository;
 *   <li>any other path, on any Beam FileSystem: a {@code tokenizer.json} (a folder is read as its
 *       {@code tokenizer.json}).
 * </ul>
 */
public final class Tokenizers {
  public static final String DEFAULT = "cl100k_base";

  /** The only mutable state: loaded tokenizers by spec. They are immutable and thread-safe. */
  private static final Map<String, TextTokenizer> LOADED = new ConcurrentHashMap<>();

  private Tokenizers() {}

  /** A tokenizer file that is missing, unreadable or not a tokenizer: bad input, not a bad option. */
  public static final class TokenizerFileException extends RuntimeException {
    public TokenizerFileException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The tokenizer a spec names, loaded on first use.
   *
   * @throws IllegalArgumentException for a spec of no known form
   * @throws TokenizerFileException for a tokenizer file that is missing, unreadable or malformed
   */
  public static TextTokenizer get(String spec) {
    String key = spec == null || spec.isBlank() ? DEFAULT : spec.strip();
    TextTokenizer loaded = LOADED.get(key);
    return loaded != null ? loaded : LOADED.computeIfAbsent(key, Tokenizers::load);
  }

  /** Whether a spec names an encoding built into the jar (no file to read). */
  public static boolean isBuiltIn(String spec) {
    return encoding(spec.strip()).isPresent();
  }

  /** The tiktoken encoding a name means, if it names one. */
  static Optional<EncodingType> encoding(String spec) {
    return switch (spec.toLowerCase(Locale.ROOT)) {
      case "cl100k_base" -> Optional.of(EncodingType.CL100K_BASE);
      case "o200k_base" -> Optional.of(EncodingType.O200K_BASE);
      default -> Optional.empty();
    };
  }

  /** Where a spec's tokenizer.json is; empty for a tiktoken encoding. */
  public static Optional<String> tokenizerJson(String spec) {
    if (encoding(spec).isPresent()) {
      return Optional.empty();
    }
    if (spec.startsWith("hf://datasets/")) {
      throw new IllegalArgumentException("--tokenizer names a model repository (hf://OWNER/NAME[@REVISION]), not a dataset: '"
          + spec + "'");
    }
    if (spec.endsWith(".json")) {
      return Optional.of(spec);
    }
    if (spec.contains("/")) {
      return Optional.of(spec.replaceFirst("/+$", "") + "/tokenizer.json");
    }
    throw new IllegalArgumentException("--tokenizer must be cl100k_base, o200k_base, hf://OWNER/NAME[@REVISION], or the path of a "
        + "tokenizer.json or of its folder; got '" + spec + "'");
  }

  private static TextTokenizer load(String spec) {
    Optional<EncodingType> encoding = encoding(spec);
    if (encoding.isPresent()) {
      return new TiktokenTokenizer(encoding.get());
    }
    String file = tokenizerJson(spec).orElseThrow();
    byte[] json;
    try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file, false)))) {
      json = in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      throw new TokenizerFileException("cannot read the tokenizer " + file + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage().lines().findFirst().orElse("")), e);
    }
    try {
      return HfTokenizer.fromJson(spec, json);
    } catch (IllegalArgumentException e) {
      throw new TokenizerFileException("the tokenizer " + file + " is " + e.getMessage(), e);
    }
  }
}
