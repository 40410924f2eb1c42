package io.github.oidcservlet.containers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Open Liberty started with {@code server run}, a {@code WLP_USER_DIR} of its own per start, the features a
 * Jakarta EE 10 web application with Jakarta Security and enterprise beans needs, its HTTP endpoint on 127.0.0.1
 * (HTTPS off), and the WAR at the root.
 */
final class OpenLiberty {

    private static final String SERVER = "oidc";

    private OpenLiberty() {
    }

    static ContainerContract.Started start(Path war, Map<String, String> oidcEnvironment) throws Exception {
        Path home = ServerFiles.fromProperty("openliberty.home");
        Path userDir = ServerFiles.runDirectory("liberty");
        Path server = Files.createDirectories(userDir.resolve("servers").resolve(SERVER));
        Files.createDirectories(server.resolve("apps"));
        Files.copy(war, server.resolve("apps/ROOT.war"));
        int http = ServerFiles.freePort();
        Files.writeString(server.resolve("server.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <server description="oidc-servlet container test">
                  <featureManager>
                    <feature>servlet-6.0</feature>
                    <feature>cdi-4.0</feature>
                    <feature>appSecurity-5.0</feature>
                    <feature>enterpriseBeansLite-4.0</feature>
                  </featureManager>
                  <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="%d" httpsPort="-1"/>
                  <webApplication location="ROOT.war" contextRoot="/"/>
                </server>
                """.formatted(http), StandardCharsets.UTF_8);
        Files.writeString(server.resolve("jvm.options"), "-XX:TieredStopAtLevel=1\n-XX:+UseSerialGC\n",
                StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", home.resolve("bin/server").toString(), "run",
                SERVER));
        Map<String, String> environment = ServerFiles.environment(builder, oidcEnvironment);
        environment.put("WLP_USER_DIR", userDir.toString());
        environment.remove("WLP_OUTPUT_DIR");
        ServerProcess process = ServerProcess.start("open-liberty", builder, userDir);
        return ContainerContract.Started.awaitPing(process, http);
    }
}
