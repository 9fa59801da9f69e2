package dev.tracecurator.testing;

import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Runs a Beam {@link TestPipeline} from a JUnit 5 test. TestPipeline is a JUnit 4 rule; driving
 * it through its rule statement keeps its checks (the pipeline was run, every PAssert ran).
 */
public final class TestPipelines {
  /** A test body that builds and runs the pipeline it is given. */
  public interface Body {
    void accept(TestPipeline pipeline) throws Exception;
  }

  private TestPipelines() {}

  public static void run(Class<?> testClass, String name, Body body) throws Throwable {
    TestPipeline pipeline = TestPipeline.create();
    Statement statement = pipeline.apply(new Statement() {
      @Override
      public void evaluate() throws Throwable {
        body.accept(pipeline);
      }
    }, Description.createTestDescription(testClass, name));
    statement.evaluate();
  }
}
