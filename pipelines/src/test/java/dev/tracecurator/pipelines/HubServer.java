package dev.tracecurator.pipelines;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Hugging Face Hub, on 127.0.0.1: the tree API (paginated, one entry a
 * page, with a Link header), resolve URLs that redirect to a storage path honouring Range, the
 * Parquet-conversion listing built from the files of revision {@code refs/convert/parquet}, and
 * faults on request: one 429, one connection dropped mid-body, a 404 for a file. Revisions are
 * URL-encoded in paths ({@code refs%2Fconvert%2Fparquet}) as the Hub takes them.
 */
final class HubServer implements AutoCloseable {
  final String repo;
  final Map<String, Map<String, byte[]>> revisions = new ConcurrentHashMap<>();
  /** The files of revision main. */
  final Map<String, byte[]> files = revision("main");
  final Map<String, AtomicInteger> storageRequests = new ConcurrentHashMap<>();
  final List<String> authorizations = new ArrayList<>();
  final AtomicBoolean answer429Once = new AtomicBoolean();
  final Set<String> dropOnce = ConcurrentHashMap.newKeySet();
  final Set<String> missing = ConcurrentHashMap.newKeySet();
  private final HttpServer server;

  HubServer(String repo) throws IOException {
    this.repo = repo;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/datasets/" + repo + "/tree/", e -> tree(e, "/api/datasets/" + repo + "/tree/"));
    server.createContext("/api/datasets/" + repo + "/parquet", this::parquet);
    server.createContext("/datasets/" + repo + "/resolve/", e -> resolve(e, "/datasets/" + repo + "/resolve/"));
    // The same files as a model repository (hf://OWNER/NAME), as the Hub serves a model's.
    server.createContext("/api/models/" + repo + "/tree/", e -> tree(e, "/api/models/" + repo + "/tree/"));
    server.createContext("/" + repo + "/resolve/", e -> resolve(e, "/" + repo + "/resolve/"));
    server.createContext("/storage/", this::storage);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  Map<String, byte[]> revision(String name) {
    return revisions.computeIfAbsent(name, k -> java.util.Collections.synchronizedMap(new TreeMap<>()));
  }

  /** The revision (decoded) and the path after it, from a raw request path after {@code prefix}. */
  private static String[] revisionAndPath(HttpExchange exchange, String prefix) {
    String rest = exchange.getRequestURI().getRawPath().substring(prefix.length());
    int slash = rest.indexOf('/');
    String revision = java.net.URLDecoder.decode(slash < 0 ? rest : rest.substring(0, slash), StandardCharsets.UTF_8);
    String path = slash < 0 ? "" : java.net.URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8);
    return new String[] {revision, path};
  }

  private void parquet(HttpExchange exchange) throws IOException {
    record(exchange);
    Map<String, byte[]> converted = revisions.get("refs/convert/parquet");
    if (converted == null || converted.isEmpty()) {
      send(exchange, 404, "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    Map<String, Map<String, List<String>>> listing = new TreeMap<>();
    for (String path : converted.keySet()) {
      String[] parts = path.split("/");
      String split = parts[1].startsWith("partial-") ? parts[1].substring("partial-".length()) : parts[1];
      listing.computeIfAbsent(parts[0], k -> new TreeMap<>()).computeIfAbsent(split, k -> new ArrayList<>())
          .add(endpoint() + "/api/datasets/" + repo + "/parquet/" + parts[0] + "/" + split + "/" + parts[2]);
    }
    send(exchange, 200, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(listing));
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void tree(HttpExchange exchange, String prefix) throws IOException {
    record(exchange);
    String[] revisionAndPath = revisionAndPath(exchange, prefix);
    Map<String, byte[]> files = revisions.get(revisionAndPath[0]);
    String path = revisionAndPath[1];
    if (files == null || (!path.isEmpty() && files.keySet().stream().noneMatch(f -> f.startsWith(path + "/")))) {
      send(exchange, 404, "{\"error\":\"Entry not found\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
    int cursor = query.contains("cursor=") ? Integer.parseInt(query.replaceAll(".*cursor=(\\d+).*", "$1")) : 0;
    List<String> entries = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (f.getKey().startsWith(path.isEmpty() ? "" : path + "/")) {
        entries.add("{\"type\":\"file\",\"oid\":\"x\",\"size\":" + f.getValue().length + ",\"path\":\"" + f.getKey() + "\"}");
      }
    }
    String body = cursor < entries.size() ? "[" + entries.get(cursor) + "]" : "[]";
    if (cursor + 1 < entries.size()) {
      exchange.getResponseHeaders().add("Link", "<" + endpoint() + exchange.getRequestURI().getRawPath() + "?recursive=true&cursor=" + (cursor + 1)
          + ">; rel=\"next\"");
    }
    send(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
  }

  private void resolve(HttpExchange exchange, String prefix) throws IOException {
    record(exchange);
    String[] revisionAndPath = revisionAndPath(exchange, prefix);
    Map<String, byte[]> files = revisions.getOrDefault(revisionAndPath[0], Map.of());
    String file = revisionAndPath[1];
    if (answer429Once.getAndSet(false)) {
      exchange.getResponseHeaders().add("Retry-After", "0");
      send(exchange, 429, new byte[0]);
      return;
    }
    if (missing.contains(file) || !files.containsKey(file)) {
      send(exchange, 404, "Entry not found".getBytes(StandardCharsets.UTF_8));
      return;
    }
    exchange.getResponseHeaders().add("Location", "/storage/" + java.net.URLEncoder.encode(revisionAndPath[0], StandardCharsets.UTF_8)
        + "/" + file + "?signature=abc");
    send(exchange, 302, new byte[0]);
  }

  private void storage(HttpExchange exchange) throws IOException {
    String[] revisionAndPath = revisionAndPath(exchange, "/storage/");
    String file = revisionAndPath[1];
    storageRequests.computeIfAbsent(file, k -> new AtomicInteger()).incrementAndGet();
    byte[] bytes = revisions.get(revisionAndPath[0]).get(file);
    String range = exchange.getRequestHeaders().getFirst("Range");
    long start = range == null ? 0 : Long.parseLong(range.replaceAll("bytes=(\\d+)-.*", "$1"));
    int length = (int) (bytes.length - start);
    exchange.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (bytes.length - 1) + "/" + bytes.length);
    boolean drop = dropOnce.remove(file) && length > 2;
    // A dropped connection: the body ends (chunked, so the client sees it end) after half the bytes.
    exchange.sendResponseHeaders(range == null ? 200 : 206, drop ? 0 : length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes, (int) start, drop ? length / 2 : length);
    }
    exchange.close();
  }

  private synchronized void record(HttpExchange exchange) {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    authorizations.add(auth == null ? "" : auth);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
