package io.github.oidcservlet.containers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro as its users start it ({@code java -jar payara-micro.jar --deploy app.war}), with a root folder of
 * its own, the HTTP listener on 127.0.0.1 and Hazelcast off. Only a preboot command file does both:
 * {@code --nocluster} alone still binds Hazelcast on {@code *:6900}. C1 and the serial collector: its start falls
 * from about 75 s to about 20 s on a loaded 2-core machine.
 */
final class PayaraMicro {

    private PayaraMicro() {
    }

    static ContainerContract.Started start(Path war, Map<String, String> oidcEnvironment) throws Exception {
        Path root = ServerFiles.runDirectory("payara");
        Path preboot = root.resolve("preboot.asadmin");
        Files.writeString(preboot, String.join("\n",
                // set-hazelcast-configuration cannot run before boot (command lookup fails); the attribute can be set
                "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false",
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener"
                        + ".address=127.0.0.1",
                // no server name in answers (the sample's contract)
                "set configs.config.server-config.network-config.protocols.protocol.http-listener.http"
                        + ".server-header=false",
                "set configs.config.server-config.network-config.protocols.protocol.http-listener.http"
                        + ".xpowered-by=false",
                ""), StandardCharsets.UTF_8);
        Path app = Files.copy(war, root.resolve("ROOT.war"));
        int port = ServerFiles.freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(ServerFiles.java(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + root, "-jar",
                ServerFiles.fromProperty("payara-micro.jar").toString(),
                "--rootdir", root.resolve("root").toString(), "--prebootcommandfile", preboot.toString(),
                "--nocluster", "--port", Integer.toString(port), "--deploy", app.toString(), "--contextroot", "/"));
        ServerFiles.environment(builder, oidcEnvironment);
        ServerProcess server = ServerProcess.start("payara-micro", builder, root);
        return ContainerContract.Started.awaitPing(server, port);
    }
}
