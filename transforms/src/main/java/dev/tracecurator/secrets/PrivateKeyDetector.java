package dev.tracecurator.secrets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM and PGP armoured private keys ({@code -----BEGIN [RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP ]
 * PRIVATE KEY[ BLOCK]-----}), the whole block from BEGIN through END.
 *
 * <p>The body is walked by hand rather than with a regex: a key can be tens of kilobytes, and a
 * repeated regex group over it would recurse once per character. The walk accepts base64, line
 * breaks (real ones and the {@code \n} escapes of a key inside a JSON string, as in a GCP service
 * account file), quotes (a key split over string literals) and armour headers (Proc-Type,
 * DEK-Info, Version, Comment). Anything else ends the body.
 *
 * <p>A body that stops without an END line is still a key when it has enough material: agents'
 * observations are often cut off mid-output, and half a private key is still a leak. So we
 * redact from BEGIN to the last base64 character seen.
 */
final class PrivateKeyDetector implements Detector {
  private static final String BEGIN = "-----BEGIN ";
  private static final Pattern HEADER =
      Pattern.compile("-----BEGIN (?:[A-Z0-9]{1,16} ){0,3}PRIVATE KEY(?: BLOCK)?-----");
  private static final Pattern FOOTER =
      Pattern.compile("-----END (?:[A-Z0-9]{1,16} ){0,3}PRIVATE KEY(?: BLOCK)?-----");
  private static final List<String> ARMOR_HEADERS =
      List.of("Proc-Type:", "DEK-Info:", "Version:", "Comment:", "Hash:", "Charset:");

  /** Below this many base64 characters the "body" is a doc example ({@code ...}) or code. */
  private static final int MIN_BODY = 64;
  /**
   * DER in base64 is close to 6 bits per character; filler such as {@code AAAA...} or
   * {@code xxxx...} is near 0. 4.0 separates them with a wide margin.
   */
  private static final double MIN_BODY_ENTROPY = 4.0;

  @Override
  public List<Trigger> triggers() {
    return List.of(Trigger.literal(BEGIN));
  }

  @Override
  public void detect(String text, Triggers triggers, List<SecretMatch> out) {
    int from = 0;
    int at;
    Matcher header = null;
    Matcher footer = null;
    int n = text.length();
    while ((at = triggers.next(BEGIN, from)) >= 0) {
      from = at + 1;
      if (header == null) {
        header = HEADER.matcher(text);
        footer = FOOTER.matcher(text);
      }
      if (!header.region(at, n).lookingAt()) {
        continue;
      }
      int end = keyEnd(text, header.end(), footer);
      if (end > 0) {
        out.add(new SecretMatch(SecretKind.PRIVATE_KEY, at, end));
        from = end;
      }
    }
  }

  /** Where the key whose body starts at {@code bodyStart} ends, or -1 if it is not a key. */
  private static int keyEnd(String text, int bodyStart, Matcher footer) {
    int n = text.length();
    int[] counts = new int[128];
    int base64 = 0;
    int lastBase64End = bodyStart;
    boolean lineStart = true;
    int i = bodyStart;
    while (i < n) {
      char c = text.charAt(i);
      if (lineStart && isArmorHeader(text, i)) {
        i = lineEnd(text, i);
        continue;
      }
      if (isBase64(c)) {
        counts[c]++;
        base64++;
        i++;
        lastBase64End = i;
        lineStart = false;
      } else if (c == '\n' || c == '\r') {
        i++;
        lineStart = true;
      } else if (c == ' ' || c == '\t' || c == '"' || c == '\'') {
        i++;
      } else if (c == '\\') {
        int j = i;
        while (j < n && text.charAt(j) == '\\') {
          j++;
        }
        if (j < n && (text.charAt(j) == 'n' || text.charAt(j) == 'r')) {
          i = j + 1;
          lineStart = true;
        } else {
          break;
        }
      } else if (c == '-') {
        if (footer.region(i, n).lookingAt()) {
          return enoughKey(counts, base64) ? footer.end() : -1;
        }
        break;
      } else {
        break;
      }
    }
    return enoughKey(counts, base64) ? lastBase64End : -1;
  }

  private static boolean enoughKey(int[] counts, int base64) {
    return base64 >= MIN_BODY && Entropy.of(counts, base64) >= MIN_BODY_ENTROPY;
  }

  private static boolean isBase64(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '+' || c == '/' || c == '=';
  }

  private static boolean isArmorHeader(String text, int i) {
    for (String h : ARMOR_HEADERS) {
      if (text.startsWith(h, i)) {
        return true;
      }
    }
    return false;
  }

  /** The index of the line break (real or escaped) that ends the line containing {@code i}. */
  private static int lineEnd(String text, int i) {
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\\') {
        return i;
      }
      i++;
    }
    return n;
  }
}
