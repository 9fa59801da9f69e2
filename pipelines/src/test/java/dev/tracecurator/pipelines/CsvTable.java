package dev.tracecurator.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the sharded analysis CSV back (RFC 4180: quotes, doubled quotes, line breaks in cells). */
final class CsvTable {
  final List<String> header;
  final List<Map<String, String>> rows;

  private CsvTable(List<String> header, List<Map<String, String>> rows) {
    this.header = header;
    this.rows = rows;
  }

  static CsvTable readShards(Path directory) throws IOException {
    List<String> header = null;
    List<Map<String, String>> rows = new ArrayList<>();
    try (var files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
        List<List<String>> records = parse(Files.readString(file));
        if (records.isEmpty()) {
          continue;
        }
        if (header == null) {
          header = records.get(0);
        } else if (!header.equals(records.get(0))) {
          throw new AssertionError("shards disagree on the header: " + file);
        }
        for (List<String> record : records.subList(1, records.size())) {
          if (record.size() != header.size()) {
            throw new AssertionError(file + ": a row has " + record.size() + " cells, the header " + header.size());
          }
          Map<String, String> row = new HashMap<>();
          for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), record.get(i));
          }
          rows.add(row);
        }
      }
    }
    return new CsvTable(header, rows);
  }

  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      any = true;
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        record.add(cell.toString());
        cell.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        any = false;
      } else if (c != '\r') {
        cell.append(c);
      }
    }
    if (any) {
      record.add(cell.toString());
      records.add(record);
    }
    return records;
  }
}
