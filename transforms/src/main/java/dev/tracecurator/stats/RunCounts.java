package dev.tracecurator.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.sft.SftStatus;

/**
 * The run's reconciliation: every record read leaves as analysed or rejected, and every analysed
 * one as kept or filtered for one reason.
 */
public record RunCounts(long read, long analysed, long rejected, long sftKept, ObjectNode sftFiltered) {

  /** Counts from a summary (its analysed and SFT figures) and the read and rejected totals. */
  public static RunCounts of(JsonNode summary, long read, long rejected) {
    JsonNode sft = summary.path("sft");
    return new RunCounts(read, summary.path("total_records").asLong(), rejected,
        sft.path("kept").asLong(), ((ObjectNode) sft.path("filtered")).deepCopy());
  }

  public long filteredTotal() {
    long sum = 0;
    for (SftStatus reason : SftStatus.reasons()) {
      sum += sftFiltered.path(reason.label()).asLong();
    }
    return sum;
  }

  /** Null when the counts reconcile, else what does not add up. */
  public String discrepancy() {
    if (read != analysed + rejected) {
      return "read " + read + " != analysed " + analysed + " + rejected " + rejected;
    }
    if (analysed != sftKept + filteredTotal()) {
      return "analysed " + analysed + " != sft kept " + sftKept + " + filtered " + filteredTotal();
    }
    return null;
  }

  public ObjectNode toJson(ObjectNode node) {
    node.put("read", read);
    node.put("analysed", analysed);
    node.put("rejected", rejected);
    node.put("sft_kept", sftKept);
    node.set("sft_filtered", sftFiltered.deepCopy());
    return node;
  }
}
