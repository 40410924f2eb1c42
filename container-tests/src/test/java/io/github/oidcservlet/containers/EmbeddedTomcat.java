package io.github.oidcservlet.containers;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Starts {@link TomcatLauncher} in a JVM whose class path is one Tomcat version's jars (target/tomcat10, ...). */
final class EmbeddedTomcat {

    private EmbeddedTomcat() {
    }

    /**
     * @param libProperty the system property naming the folder of that version's jars
     * @param war the application, served at the root
     * @param oidcEnvironment the application's {@code OIDC_*} settings
     */
    static ContainerContract.Started start(String libProperty, Path war, Map<String, String> oidcEnvironment)
            throws Exception {
        Path base = ServerFiles.runDirectory("tomcat");
        // the WAR is expanded there (without it Tomcat serves from the packed WAR, and slowly)
        java.nio.file.Files.createDirectories(base.resolve("webapps"));
        String launcher = Path.of(TomcatLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        String classPath = ServerFiles.fromProperty(libProperty) + File.separator + "*" + File.pathSeparator + launcher;
        ProcessBuilder builder = new ProcessBuilder(List.of(ServerFiles.java(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + base,
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager", "-cp", classPath, TomcatLauncher.class.getName(),
                base.toString(), war.toString()));
        ServerFiles.environment(builder, oidcEnvironment);
        ServerProcess server = ServerProcess.start("tomcat", builder, base);
        try {
            String port = server.awaitLine(Pattern.compile(Pattern.quote(TomcatLauncher.LISTENING) + "(\\d+)"))
                    .group(1);
            return new ContainerContract.Started(server, URI.create("http://127.0.0.1:" + port + "/"));
        } catch (RuntimeException | Error | InterruptedException e) {
            server.close();
            throw e;
        }
    }
}
