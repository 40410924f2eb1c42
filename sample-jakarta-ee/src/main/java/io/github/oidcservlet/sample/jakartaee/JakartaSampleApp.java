package io.github.oidcservlet.sample.jakartaee;

import io.github.oidcservlet.sample.DemoProvider;
import io.github.oidcservlet.sample.LaunchSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.glassfish.embeddable.CommandResult;
import org.glassfish.embeddable.GlassFish;
import org.glassfish.embeddable.GlassFishException;
import org.glassfish.embeddable.GlassFishProperties;
import org.glassfish.embeddable.GlassFishRuntime;

/**
 * The sample web application on embedded GlassFish 7 at {@code http://127.0.0.1:$PORT/} (default 8080), protected
 * by the Jakarta Security mechanism. With no provider configured ({@code OIDC_ISSUER},
 * {@code OIDC_AUTHORIZATION_ENDPOINT}, {@code oidc.issuer}, {@code oidc.authorization-endpoint}) it starts the
 * demo provider and hands its settings to the mechanism as system properties, unless already set; with
 * {@code OIDC_PROVIDERS=one,two} it serves every named registration without an issuer as an issuer of its own
 * ({@code /one}, {@code /two}), as the filter sample does.
 */
public final class JakartaSampleApp {

    static final String HOST = "127.0.0.1";
    private static final String LISTENER = "embedded-glassfish-config.server.network-config.network-listeners."
            + "network-listener.http-listener";
    private static final String PROTOCOL = "configs.config.server-config.network-config.protocols.protocol."
            + "http-listener.http";

    private JakartaSampleApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = LaunchSettings.port(System.getenv());
        if (port == 0) {
            // The embedded listener cannot pick a free port and tell us which.
            System.err.println("oidc-servlet Jakarta EE sample: set PORT to a port number; 0 is not supported here");
            System.exit(1);
        }
        DemoProvider demo = LaunchSettings.startDemoProvider(System.getenv(), System.getProperties());
        // the demo provider's keys (one.issuer with OIDC_PROVIDERS=one,two) at the lowest precedence but the annotation
        LaunchSettings.demoParameters(demo, System.getenv(), System.getProperties()).forEach((key, value) -> {
            if (System.getenv("OIDC_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_')) == null) {
                System.getProperties().putIfAbsent("oidc." + key, value);
            }
        });
        // GlassFish 7 has no server-header setting; an empty product name leaves the Server header out.
        System.getProperties().putIfAbsent("product.name", "");
        GlassFishRuntime runtime = GlassFishRuntime.bootstrap();
        GlassFish server = runtime.newGlassFish(properties(port));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(runtime, server, demo);
            System.out.println("oidc-servlet Jakarta EE sample stopped.");
            stopped.countDown();
        }, "oidc-servlet-sample-shutdown"));
        server.start();
        CommandResult poweredBy = server.getCommandRunner().run("set", PROTOCOL + ".xpowered-by=false");
        if (poweredBy.getExitStatus() == CommandResult.ExitStatus.FAILURE) {
            System.err.println("oidc-servlet Jakarta EE sample: cannot switch X-Powered-By off: " + poweredBy.getOutput());
        }
        String deployed = server.getDeployer().deploy(war().toFile(), "--name=sample", "--contextroot=/",
                "--force=true");
        if (deployed == null) {
            System.err.println("oidc-servlet Jakarta EE sample did not start: the deployment failed (see above).");
            System.exit(1);
        }
        System.out.println(LaunchSettings.instructions("oidc-servlet Jakarta EE sample",
                "http://" + HOST + ":" + port + "/", demo));
        stopped.await();
    }

    /** The listener on 127.0.0.1 from the start, without the server's name in every answer. */
    static GlassFishProperties properties(int port) {
        GlassFishProperties properties = new GlassFishProperties();
        properties.setPort("http-listener", port);
        properties.setProperty(LISTENER + ".address", HOST);
        return properties;
    }

    /** The WAR inside this jar, copied to a temporary file that goes when the JVM does. */
    private static Path war() throws IOException {
        Path file = Files.createTempFile("oidc-servlet-sample-", ".war");
        file.toFile().deleteOnExit();
        try (InputStream in = JakartaSampleApp.class.getResourceAsStream("/sample-app.war")) {
            if (in == null) {
                throw new IOException("sample-app.war is not in the jar: build it with mvn package");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static void stop(GlassFishRuntime runtime, GlassFish server, DemoProvider demo) {
        try {
            server.stop();
            server.dispose();
            runtime.shutdown();
        } catch (GlassFishException e) {
            System.err.println("oidc-servlet Jakarta EE sample: stopping GlassFish failed: " + e.getMessage());
        } finally {
            if (demo != null) {
                demo.close();
            }
        }
    }
}
