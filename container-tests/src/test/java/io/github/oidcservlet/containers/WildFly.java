package io.github.oidcservlet.containers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WildFly started with {@code standalone.sh}, a {@code jboss.server.base.dir} of its own per start (a copy of the
 * distribution's {@code standalone/}), bound to 127.0.0.1 on free ports, the WAR as {@code deployments/ROOT.war}.
 * Two changes to {@code standalone.xml}: the welcome-content handler leaves {@code /} (it takes the root from
 * {@code ROOT.war} otherwise) and, when asked, undertow's {@code application-security-domain} gets
 * {@code integrated-jaspi="false"}, the setting WildFly documents for a Jakarta Security mechanism.
 */
final class WildFly {

    private static final String UNDERTOW = "urn:jboss:domain:undertow:";
    private static final String DOMAIN = "<application-security-domain name=\"other\" security-domain=\"ApplicationDomain\"";

    private WildFly() {
    }

    static ContainerContract.Started start(Path war, Map<String, String> oidcEnvironment, boolean integratedJaspi)
            throws Exception {
        Path home = ServerFiles.fromProperty("wildfly.home");
        Path base = ServerFiles.runDirectory("wildfly");
        ServerFiles.copyTree(home.resolve("standalone"), base);
        Path configuration = base.resolve("configuration/standalone.xml");
        ServerFiles.replace(configuration, "<location name=\"/\" handler=\"welcome-content\"/>", "");
        if (!integratedJaspi) {
            disableIntegratedJaspi(configuration);
        }
        Files.copy(war, base.resolve("deployments/ROOT.war"));
        int http = ServerFiles.freePort();
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1", "-Djboss.server.base.dir=" + base,
                "-Djboss.http.port=" + http, "-Djboss.https.port=" + ServerFiles.freePort(),
                "-Djboss.management.http.port=" + ServerFiles.freePort(),
                "-Djboss.management.https.port=" + ServerFiles.freePort(),
                "-Djboss.ajp.port=" + ServerFiles.freePort()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = ServerFiles.environment(builder, oidcEnvironment);
        // standalone.conf's own heap settings, plus C1 and the serial collector for a faster start
        environment.put("JBOSS_JAVA_SIZING", "-Xms64m -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        environment.remove("JAVA_OPTS");
        ServerProcess server = ServerProcess.start("wildfly", builder, base);
        return ContainerContract.Started.awaitPing(server, http);
    }

    /** {@code integrated-jaspi="false"} on undertow's domain (the EJB subsystem has one of the same name). */
    private static void disableIntegratedJaspi(Path configuration) throws java.io.IOException {
        String text = Files.readString(configuration, StandardCharsets.UTF_8);
        int undertow = text.indexOf(UNDERTOW);
        int domain = text.indexOf(DOMAIN, undertow);
        if (undertow < 0 || domain < 0) {
            throw new IllegalStateException(configuration + ": no undertow " + DOMAIN);
        }
        int at = domain + DOMAIN.length();
        Files.writeString(configuration, text.substring(0, at) + " integrated-jaspi=\"false\"" + text.substring(at),
                StandardCharsets.UTF_8);
    }
}
