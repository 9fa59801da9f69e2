package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;
import org.apache.beam.sdk.options.StreamingOptions;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar leaves out Beam's lists of options interfaces; {@link OptionInterfaces} must know
 * every one of them, and a run must register the interfaces that declare the options it is given.
 * (The class path here is Beam's own jars, whose lists Beam reads itself: {@code ShippedJarsIT}
 * runs the shaded jar.)
 */
class OptionInterfacesTest {
  @Test
  void everyRegistrarBeamsJarsListIsNamed() {
    for (PipelineOptionsRegistrar registrar : ServiceLoader.load(PipelineOptionsRegistrar.class)) {
      String name = registrar.getClass().getName();
      if (name.equals("org.apache.beam.sdk.io.gcp.common.GcpIoPipelineOptionsRegistrar")) {
        continue;  // stood in for by DataflowRegistrar$Options, which leaves its test classes out
      }
      assertTrue(OptionInterfaces.REGISTRARS.contains(name), name + " lists options interfaces; name it in OptionInterfaces");
    }
  }

  @Test
  void allHoldsEveryInterfaceBeamRegisters() {
    Set<?> all = OptionInterfaces.all();
    assertTrue(all.containsAll(PipelineOptionsFactory.getRegisteredOptions()));
    assertTrue(all.containsAll(List.of(CurateOptions.class, FlinkPipelineOptions.class, DirectOptions.class, GcpOptions.class,
        DataflowPipelineOptions.class)), all.toString());
  }

  @Test
  void aRunRegistersTheInterfacesDeclaringTheOptionsItIsGiven() {
    assertEquals(Set.of(CurateOptions.class),
        OptionInterfaces.namedBy(List.of("--input=a.jsonl", "--output=out", "--runner=FlinkRunner", "--report=false")));
    assertEquals(Set.of(CurateOptions.class, FlinkPipelineOptions.class, DirectOptions.class, StreamingOptions.class),
        OptionInterfaces.namedBy(List.of("--parallelism=2", "--targetParallelism=3", "--streaming", "--input=x")));
    assertTrue(OptionInterfaces.namedBy(List.of("--project=p", "--region=r")).containsAll(List.of(GcpOptions.class)),
        "--project is GcpOptions'");
  }
}
