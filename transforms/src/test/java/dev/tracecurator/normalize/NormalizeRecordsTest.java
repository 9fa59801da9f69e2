package dev.tracecurator.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracecurator.coders.JsonRecordCoder;
import dev.tracecurator.errors.RejectedRecord;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.model.SourcePosition;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.testing.TestPipelines;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

class NormalizeRecordsTest {
  @Test
  void goodRowsAreMappedAndBadOnesRejectedWithTheirPosition() throws Throwable {
    List<SourceLine> lines = List.of(
        SourceLine.of(new SourcePosition("f.jsonl", 1), "{\"instance_id\":\"a\",\"messages\":[]}", "oh", "m"),
        SourceLine.of(new SourcePosition("f.jsonl", 2), "{\"instance_id\":", null, null),
        SourceLine.of(new SourcePosition("f.jsonl", 3), "[1]", null, null),
        SourceLine.unreadable(new SourcePosition("f.jsonl", 4), "\uFFFD", "line 4 is not valid UTF-8"));
    TestPipelines.run(getClass(), "normalize", p -> {
      PCollectionTuple out = p.apply(Create.of(lines).withCoder(JsonRecordCoder.of(SourceLine.class)))
          .apply(NormalizeRecords.create());
      PAssert.that(out.get(NormalizeRecords.RECORDS).apply("Ids", MapElements.into(TypeDescriptors.strings())
          .via((TrajectoryRecord r) -> r.instanceId() + "@" + r.agent())))
          .containsInAnyOrder("a@oh");
      PAssert.that(out.get(NormalizeRecords.REJECTED).apply("Where", MapElements.into(TypeDescriptors.strings())
          .via((RejectedRecord r) -> r.file() + ":" + r.line() + ":" + r.step())))
          .containsInAnyOrder("f.jsonl:2:normalize", "f.jsonl:3:normalize", "f.jsonl:4:read");
      PAssert.that(out.get(NormalizeRecords.REJECTED)).satisfies(all -> {
        for (RejectedRecord r : all) {
          if (r.line() == 3) {
            assertEquals("a row must be a JSON object, got an array", r.error());
            assertEquals("[1]", r.raw());
          }
        }
        return null;
      });
      p.run().waitUntilFinish();
    });
  }
}
