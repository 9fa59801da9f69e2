package dev.tracecurator.pipelines;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;
import org.apache.beam.sdk.runners.PipelineRunnerRegistrar;

/**
 * Registers the Dataflow runner and the GCP IO options in the jar built with {@code -Pdataflow},
 * in place of Beam's two registrars that the jar leaves out: {@code DataflowPipelineRegistrar$Runner}
 * names {@code TestDataflowRunner} and {@code GcpIoPipelineOptionsRegistrar} names
 * {@code TestBigQueryOptions} and {@code BigtableChangeStreamTestOptions}. Those extend
 * {@code TestPipelineOptions}, which needs hamcrest, and {@code PipelineOptionsFactory} loads every
 * registered options interface at start: with them in the jar, every command failed with
 * {@code NoClassDefFoundError: org/hamcrest/Matcher}.
 *
 * <p>Where Beam's own registrar is present (the test class path), or the Dataflow runner is absent
 * (the default jar), this registers nothing: a runner registered twice stops Beam at start. The
 * options are listed by {@link OptionInterfaces}, not through {@code META-INF/services}.
 */
public final class DataflowRegistrar {
  private DataflowRegistrar() {}

  /** Beam's GCP IO options, less the test ones. */
  public static final class Options implements PipelineOptionsRegistrar {
    @Override
    public Iterable<Class<? extends PipelineOptions>> getPipelineOptions() {
      return present("org.apache.beam.sdk.io.gcp.common.GcpIoPipelineOptionsRegistrar", PipelineOptions.class,
          "org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions", "org.apache.beam.sdk.io.gcp.pubsub.PubsubOptions",
          "org.apache.beam.sdk.io.gcp.firestore.FirestoreOptions");
    }
  }

  /** {@code --runner=DataflowRunner}, without {@code TestDataflowRunner}. */
  public static final class Runner implements PipelineRunnerRegistrar {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Iterable<Class<? extends PipelineRunner<?>>> getPipelineRunners() {
      return (Iterable) present("org.apache.beam.runners.dataflow.DataflowPipelineRegistrar$Runner", PipelineRunner.class,
          "org.apache.beam.runners.dataflow.DataflowRunner");
    }
  }

  /** The named classes that are on the class path, none if Beam's own registrar {@code beamRegistrar} is. */
  private static <T> List<Class<? extends T>> present(String beamRegistrar, Class<T> type, String... names) {
    List<Class<? extends T>> classes = new ArrayList<>();
    if (load(beamRegistrar) != null) {
      return classes;
    }
    for (String name : names) {
      Class<?> found = load(name);
      if (found != null) {
        classes.add(found.asSubclass(type));
      }
    }
    return classes;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, DataflowRegistrar.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
