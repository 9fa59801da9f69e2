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
 * page, with a Link header), resolve URLs that redirect to a storage path honouring Range, and
 * faults on request: one 429, one connection dropped mid-body, a 404 for a file.
 */
final class HubServer implements AutoCloseable {
  final String repo;
  final Map<String, byte[]> files = new TreeMap<>();
  final Map<String, AtomicInteger> storageRequests = new ConcurrentHashMap<>();
  final List<String> authorizations = new ArrayList<>();
  final AtomicBoolean answer429Once = new AtomicBoolean();
  final Set<String> dropOnce = ConcurrentHashMap.newKeySet();
  final Set<String> missing = ConcurrentHashMap.newKeySet();
  private final HttpServer server;

  HubServer(String repo) throws IOException {
    this.repo = repo;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/datasets/" + repo + "/tree/", this::tree);
    server.createContext("/datasets/" + repo + "/resolve/", this::resolve);
    server.createContext("/storage/", this::storage);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void tree(HttpExchange exchange) throws IOException {
    record(exchange);
    String prefix = "/api/datasets/" + repo + "/tree/main";
    String path = exchange.getRequestURI().getPath().substring(prefix.length());
    path = path.startsWith("/") ? path.substring(1) : path;
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
      exchange.getResponseHeaders().add("Link", "<" + endpoint() + prefix + "/" + path + "?recursive=true&cursor=" + (cursor + 1)
          + ">; rel=\"next\"");
    }
    send(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
  }

  private void resolve(HttpExchange exchange) throws IOException {
    record(exchange);
    String file = exchange.getRequestURI().getPath().substring(("/datasets/" + repo + "/resolve/main/").length());
    if (answer429Once.getAndSet(false)) {
      exchange.getResponseHeaders().add("Retry-After", "0");
      send(exchange, 429, new byte[0]);
      return;
    }
    if (missing.contains(file) || !files.containsKey(file)) {
      send(exchange, 404, "Entry not found".getBytes(StandardCharsets.UTF_8));
      return;
    }
    exchange.getResponseHeaders().add("Location", "/storage/" + file + "?signature=abc");
    send(exchange, 302, new byte[0]);
  }

  private void storage(HttpExchange exchange) throws IOException {
    String file = exchange.getRequestURI().getPath().substring("/storage/".length());
    storageRequests.computeIfAbsent(file, k -> new AtomicInteger()).incrementAndGet();
    byte[] bytes = files.get(file);
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
