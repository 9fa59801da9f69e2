package dev.tracecurator.io.hf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two Hub calls the file system needs: list a dataset's tree (paginated) and read a file from
 * a byte offset (HTTP Range on {@code resolve}, following the redirect to the storage host). Retries
 * with backoff on 429, 5xx and broken connections; 401/403/404 stop with a message that names the
 * dataset, revision and file. The token goes only to the Hub's own host, never into a message.
 */
final class HfClient implements Serializable {
  static final int ATTEMPTS = 6;
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  private final String endpoint;
  private final String token;
  private transient HttpClient http;

  HfClient(String endpoint, String token) {
    this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    this.token = token == null || token.isBlank() ? null : token;
  }

  /** A file in a listing. */
  record Entry(String path, long size, boolean directory) {}

  List<Entry> listTree(HfPath root, boolean recursive) throws IOException {
    String url = endpoint + "/api/" + root.apiRepo() + "/tree/" + encode(root.revision())
        + (root.path().isEmpty() ? "" : "/" + root.path()) + (recursive ? "?recursive=true" : "");
    List<Entry> entries = new ArrayList<>();
    while (url != null) {
      HttpResponse<String> response = send(url, null, HttpResponse.BodyHandlers.ofString(), root);
      for (JsonNode item : Json.STRICT.readTree(response.body())) {
        boolean directory = "directory".equals(item.path("type").asText());
        long size = item.path("lfs").path("size").asLong(item.path("size").asLong(0));
        entries.add(new Entry(item.path("path").asText(), size, directory));
      }
      url = next(response);
    }
    return entries;
  }

  /** A small file's text (a dataset card), or empty when the dataset has no such file. */
  Optional<String> readText(HfPath file) throws IOException {
    String url = endpoint + "/" + file.urlRepo() + "/resolve/" + encode(file.revision()) + "/" + file.path();
    try {
      return Optional.of(send(url, null, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), file).body());
    } catch (HfNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * The Hub's listing of the Parquet files it converted the dataset to, as
   * {@code {config: {split: [url, ...]}}}, or empty when the Hub has none.
   */
  Optional<JsonNode> parquetListing(HfPath root) throws IOException {
    String url = endpoint + "/api/datasets/" + root.repo() + "/parquet";
    try {
      return Optional.of(Json.STRICT.readTree(send(url, null, HttpResponse.BodyHandlers.ofString(), root).body()));
    } catch (HfNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The file's bytes from {@code position} on. */
  InputStream openAt(HfPath file, long position) throws IOException {
    String url = endpoint + "/" + file.urlRepo() + "/resolve/" + encode(file.revision()) + "/" + file.path();
    HttpResponse<InputStream> response = send(url, "bytes=" + position + "-", HttpResponse.BodyHandlers.ofInputStream(), file);
    InputStream body = response.body();
    if (response.statusCode() == 200 && position > 0) {
      body.skipNBytes(position);
    }
    return body;
  }

  private <T> HttpResponse<T> send(String url, String range, HttpResponse.BodyHandler<T> handler, HfPath what) throws IOException {
    IOException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        String target = url;
        for (int hop = 0; hop < 5; hop++) {
          HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofMinutes(2)).GET();
          if (range != null) {
            request.header("Range", range);
          }
          if (token != null && sameHost(target, endpoint)) {
            request.header("Authorization", "Bearer " + token);
          }
          HttpResponse<T> response = client().send(request.build(), handler);
          int status = response.statusCode();
          if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
            close(response);
            target = URI.create(target).resolve(response.headers().firstValue("Location").get()).toString();
            continue;
          }
          if (status == 200 || status == 206) {
            return response;
          }
          close(response);
          if (status == 401 || status == 403) {
            throw new HfAccessException("the Hub refused access (HTTP " + status + ") to " + what + " (dataset " + what.repo()
                + ", revision " + what.revision() + "): set HF_TOKEN or --hfToken to a token that may read this dataset, "
                + "and accept its terms on the Hub if it is gated");
          }
          if (status == 404) {
            throw new HfNotFoundException("the Hub has no " + what + " (HTTP 404; dataset " + what.repo() + ", revision "
                + what.revision() + "): check the dataset name, the revision and the path");
          }
          if (status != 429 && status < 500) {
            throw new HfAccessException("the Hub answered HTTP " + status + " for " + what);
          }
          last = new IOException("HTTP " + status + " for " + what);
          sleep(attempt, response.headers().firstValue("Retry-After"));
          break;
        }
      } catch (HfAccessException e) {
        throw e;
      } catch (IOException e) {
        last = new IOException("reading " + what + ": " + e.getMessage(), e);
        sleep(attempt, Optional.empty());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted reading " + what, e);
      }
    }
    Throwable root = last;
    while (root != null && root.getCause() != null) {
      root = root.getCause();
    }
    String reason = root == null ? "" : ": " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    throw new IOException("gave up on " + what + " at " + endpoint + " after " + ATTEMPTS + " attempts" + reason, last);
  }

  private static void close(HttpResponse<?> response) throws IOException {
    if (response.body() instanceof InputStream in) {
      in.close();
    }
  }

  private static void sleep(int attempt, Optional<String> retryAfter) throws IOException {
    long millis = Math.min(10_000, 200L << (attempt - 1));
    if (retryAfter.isPresent()) {
      try {
        millis = Math.min(30_000, Long.parseLong(retryAfter.get().trim()) * 1000);
      } catch (NumberFormatException ignored) {
        // An HTTP date: keep the backoff.
      }
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while backing off", e);
    }
  }

  private static String next(HttpResponse<?> response) {
    for (String link : response.headers().allValues("Link")) {
      Matcher m = NEXT.matcher(link);
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  private static boolean sameHost(String url, String endpoint) {
    URI a = URI.create(url);
    URI b = URI.create(endpoint);
    return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
  }

  private static String encode(String revision) {
    return URLEncoder.encode(revision, StandardCharsets.UTF_8);
  }

  private HttpClient client() {
    if (http == null) {
      http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
    }
    return http;
  }

  /** A refusal that retrying cannot fix. */
  static class HfAccessException extends dev.tracecurator.io.InputUnavailableException {
    HfAccessException(String message) {
      super(message);
    }
  }

  /** A 404: the dataset, revision or file does not exist. */
  static final class HfNotFoundException extends HfAccessException {
    HfNotFoundException(String message) {
      super(message);
    }
  }
}
