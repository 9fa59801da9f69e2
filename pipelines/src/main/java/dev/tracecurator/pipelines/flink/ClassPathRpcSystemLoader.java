package dev.tracecurator.pipelines.flink;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.RpcSystemLoader;
import org.apache.flink.runtime.rpc.exceptions.RpcLoaderException;

/**
 * Gives Flink its Pekko RPC system from the class path, where the shaded jar carries its classes
 * ({@code pipelines/pom.xml}), ahead of Flink's own loader. Flink's loader copies the 22 MB
 * {@code flink-rpc-akka.jar} nested in its loader jar to a temporary file at every cluster start
 * and loads ~3,400 classes from it through a class loader of its own, which the class-data archive
 * cannot hold: on 8-row runs on 2 cores (alternating, 6 each) that cost 0.38 s of the run and
 * 0.87 s of CPU. Where the classes are not on the class path, this fails and Flink uses its own
 * loader. A Flink cluster's processes load their RPC system from their own class path, where
 * this loader is not.
 */
public final class ClassPathRpcSystemLoader implements RpcSystemLoader {
  static final String PEKKO_RPC_SYSTEM = "org.apache.flink.runtime.rpc.pekko.PekkoRpcSystem";

  /** Before Flink's {@code PekkoRpcSystemLoader} (priority 0): Flink tries loaders in increasing priority. */
  @Override
  public int getLoadPriority() {
    return -1;
  }

  @Override
  public RpcSystem loadRpcSystem(Configuration configuration) {
    try {
      Class<?> system = Class.forName(PEKKO_RPC_SYSTEM, true, ClassPathRpcSystemLoader.class.getClassLoader());
      return (RpcSystem) system.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new RpcLoaderException("Flink's Pekko RPC system is not on the class path", e);
    }
  }
}
