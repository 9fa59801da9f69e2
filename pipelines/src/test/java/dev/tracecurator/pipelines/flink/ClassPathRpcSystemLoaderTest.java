package dev.tracecurator.pipelines.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.junit.jupiter.api.Test;

/**
 * The build puts Flink's RPC classes on the class path (pipelines/pom.xml), and Flink, asked for
 * its RPC system as a cluster starts, takes them from there through our loader: the system's class
 * comes from the application's class loader, not from a copy of the nested jar.
 */
class ClassPathRpcSystemLoaderTest {
  @Test
  void flinkLoadsItsRpcSystemFromTheClassPath() throws Exception {
    try (RpcSystem system = RpcSystem.load(new Configuration())) {
      assertEquals(ClassPathRpcSystemLoader.PEKKO_RPC_SYSTEM, system.getClass().getName());
      assertSame(ClassPathRpcSystemLoader.class.getClassLoader(), system.getClass().getClassLoader());
    }
  }
}
