package pelcro.exports.testcontainers;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;

/**
 * This project's own rule for its test servers, not something integrators need: when Testcontainers
 * reaches the engine's host on loopback ({@code bin/container-tests} sets {@code
 * TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1}), the sandbox's port is published on 127.0.0.1 only
 * instead of every interface.
 */
final class LoopbackPorts {
  private LoopbackPorts() {}

  static void apply(CreateContainerCmd command) {
    String host = DockerClientFactory.instance().dockerHostIpAddress();
    if (host.equals("localhost") || host.startsWith("127.")) {
      command
          .getHostConfig()
          .withPortBindings(
              new PortBinding(
                  Ports.Binding.bindIp("127.0.0.1"),
                  ExposedPort.tcp(ExportsSandboxContainer.PORT)));
    }
  }
}
