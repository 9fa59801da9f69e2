package dev.tracecurator.pipelines;

import dev.tracecurator.pipelines.cli.OptionDocs;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;

/**
 * The options interfaces the jar has, and registering with Beam only those a run's arguments name.
 *
 * <p>Beam's {@code PipelineOptionsFactory}, when first used, validates every interface that a
 * {@code PipelineOptionsRegistrar} on the class path names, each one together with all registered
 * before it, and every options object then carries them all, so that each later {@code as(...)}
 * validates the whole set again. With the default jar's 16 interfaces (Flink's, the DirectRunner's,
 * GCP's…) that took 1.6 s of every run's start, alone on one core (measured on this project's 2-core
 * host, Java 17), and ~100 ms for each {@code as(...)} of a new interface after it. The shaded jar
 * therefore leaves out Beam's registrar lists ({@code pipelines/pom.xml}); a run registers
 * {@link CurateOptions} and the interfaces that declare an option its arguments name, so Beam parses
 * exactly the arguments it parsed before. Help and the check for unknown options read all of them here.
 * On a class path of Beam's own jars (the tests) Beam still registers every interface itself.
 */
public final class OptionInterfaces {
  /**
   * The registrars whose lists the shaded jar leaves out, Beam's and ours; those absent from the jar
   * are skipped. {@code OptionInterfacesTest} checks that every registrar Beam's jars list is here.
   */
  static final List<String> REGISTRARS = List.of(
      "org.apache.beam.sdk.options.DefaultPipelineOptionsRegistrar",
      "org.apache.beam.sdk.options.ManualDockerEnvironmentOptions$Options",
      "org.apache.beam.sdk.options.RemoteEnvironmentOptions$Options",
      "org.apache.beam.sdk.transforms.resourcehints.ResourceHintsOptions$Options",
      "org.apache.beam.sdk.util.construction.ExternalTranslationOptionsRegistrar",
      "org.apache.beam.runners.direct.DirectRegistrar$Options",
      "org.apache.beam.runners.flink.FlinkRunnerRegistrar$Options",
      "org.apache.beam.sdk.extensions.gcp.options.GcpPipelineOptionsRegistrar",
      "org.apache.beam.runners.dataflow.DataflowPipelineRegistrar$Options",
      // stands in for Beam's GcpIoPipelineOptionsRegistrar, which names test classes (see there)
      "dev.tracecurator.pipelines.DataflowRegistrar$Options");

  private OptionInterfaces() {}

  /** Every options interface of the jar: ours, each listed registrar's, and any Beam registered itself. */
  public static Set<Class<? extends PipelineOptions>> all() {
    Set<Class<? extends PipelineOptions>> all = new LinkedHashSet<>();
    all.add(CurateOptions.class);
    for (String name : REGISTRARS) {
      registrar(name).ifPresent(registrar -> registrar.getPipelineOptions().forEach(all::add));
    }
    all.addAll(PipelineOptionsFactory.getRegisteredOptions());
    return all;
  }

  /** Registers with Beam the interfaces {@link #namedBy} gives for {@code args}. */
  public static void registerFor(List<String> args) {
    namedBy(args).forEach(PipelineOptionsFactory::register);
  }

  /**
   * {@link CurateOptions}, and every interface that itself declares an option named in {@code args}
   * ({@code --name=value} or {@code --name}) that {@link CurateOptions} lacks.
   */
  static Set<Class<? extends PipelineOptions>> namedBy(List<String> args) {
    Set<String> named = new LinkedHashSet<>();
    for (String arg : args) {
      if (arg.startsWith("--")) {
        named.add(arg.substring(2).split("=", 2)[0]);
      }
    }
    named.removeAll(OptionDocs.properties(CurateOptions.class));
    Set<Class<? extends PipelineOptions>> interfaces = new LinkedHashSet<>();
    interfaces.add(CurateOptions.class);
    if (!named.isEmpty()) {
      for (Class<? extends PipelineOptions> options : all()) {
        if (!Collections.disjoint(OptionDocs.declaredProperties(options), named)) {
          interfaces.add(options);
        }
      }
    }
    return interfaces;
  }

  private static Optional<PipelineOptionsRegistrar> registrar(String name) {
    try {
      Class<?> type = Class.forName(name, true, OptionInterfaces.class.getClassLoader());
      return Optional.of((PipelineOptionsRegistrar) type.getDeclaredConstructor().newInstance());
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();  // not in this jar (the Dataflow runner is only in -Pdataflow's)
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + name, e);
    }
  }
}
