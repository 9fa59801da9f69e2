package dev.tracecurator.io.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every form of {@code data_files} the Hub's manual-configuration guide shows, read as datasets reads it. */
class DatasetCardTest {

  @Test
  void readsSplitsWithOnePatternOrAList() throws Exception {
    DatasetCard card = DatasetCard.parse("""
        ---
        license: cc-by-4.0
        configs:
        - config_name: default
          data_files:
          - split: train
            path:
            - "data/abc.csv"
            - "data/def.csv"
          - split: test
            path: "holdout/ghi.csv"
        - config_name: openhands
          data_dir: data/openhands
          data_files:
          - split: minimax_m25
            path: ./minimax_m25/*/train-*.parquet
        ---
        # Card
        ---
        """);
    assertEquals(Map.of(
        "default", Map.of("train", List.of("data/abc.csv", "data/def.csv"), "test", List.of("holdout/ghi.csv")),
        "openhands", Map.of("minimax_m25", List.of("data/openhands/minimax_m25/*/train-*.parquet"))), card.configs());
  }

  @Test
  void aPatternOrAListOfPatternsIsTheTrainSplit() throws Exception {
    assertEquals(Map.of("default", Map.of("train", List.of("data/*.parquet"))),
        DatasetCard.parse("---\nconfigs:\n- config_name: default\n  data_files: data/*.parquet\n---\n").configs());
    assertEquals(Map.of("x", Map.of("train", List.of("part0/*", "part1/*"))),
        DatasetCard.parse("---\nconfigs:\n- config_name: x\n  data_files:\n  - part0/*\n  - part1/*\n---\n").configs());
    assertEquals(Map.of("x", Map.of("train", List.of("a/*"), "test", List.of("b/*", "c/*"))),
        DatasetCard.parse("---\nconfigs:\n- config_name: x\n  data_files:\n    train: a/*\n    test: [b/*, c/*]\n---\n").configs());
  }

  @Test
  void aCardWithoutFrontMatterOrConfigsNamesNone() throws Exception {
    assertFalse(DatasetCard.parse("# Just a title\n").hasConfigs());
    assertFalse(DatasetCard.parse("\uFEFF---\nlicense: mit\n---\ntext\n").hasConfigs());
    assertFalse(DatasetCard.parse("---\nlicense: mit\n").hasConfigs(), "front matter never closed");
  }

  @Test
  void aDatasetRootWithConfigAndSplitIsToldFromAPath() {
    HfDatasetSplit split = HfDatasetSplit.parse("hf://datasets/nvidia/Open-SWE-Traces@v1.1#openhands/minimax_m25").orElseThrow();
    assertEquals("nvidia/Open-SWE-Traces", split.root().repo());
    assertEquals("v1.1", split.root().revision());
    assertEquals("openhands", split.config());
    assertEquals("minimax_m25", split.split());
    assertFalse(HfDatasetSplit.parse("hf://datasets/nvidia/Open-SWE-Traces/data/x.parquet").isPresent());
  }

  @Test
  void aRevisionWithSlashesRoundTripsEncoded() {
    HfPath path = new HfPath("o/n", "refs/convert/parquet", "default/train/0000.parquet");
    assertEquals("hf://datasets/o/n@refs%2Fconvert%2Fparquet/default/train/0000.parquet", path.toString());
    assertEquals(path, HfPath.parse(path.toString()));
  }
}
