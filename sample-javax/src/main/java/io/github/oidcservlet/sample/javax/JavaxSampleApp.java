package io.github.oidcservlet.sample.javax;

import io.github.oidcservlet.sample.DemoProvider;
import io.github.oidcservlet.sample.LaunchSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * The javax sample on embedded Tomcat 9 at {@code http://127.0.0.1:$PORT/} (default 8080; 0 for any free port):
 * the WAR inside this jar deployed at the root, as a Tomcat 9 server would deploy it. Without a configured provider
 * ({@code OIDC_ISSUER}, {@code OIDC_AUTHORIZATION_ENDPOINT}, {@code oidc.issuer}, ...) it starts the demo provider
 * and hands the filter its settings as {@code oidc.*} system properties, each unless the environment sets it.
 */
public final class JavaxSampleApp {

    static final String HOST = "127.0.0.1";
    private static final String NAME = "oidc-servlet javax sample (Tomcat 9)";

    private JavaxSampleApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = LaunchSettings.port(System.getenv());
        DemoProvider demo = LaunchSettings.startDemoProvider(System.getenv(), System.getProperties());
        if (demo != null) {
            // named keys too: work.issuer is system property oidc.work.issuer, environment variable OIDC_WORK_ISSUER
            LaunchSettings.demoParameters(demo, System.getenv(), System.getProperties()).forEach((key, value) -> {
                if (System.getenv("OIDC_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_')) == null) {
                    System.getProperties().putIfAbsent("oidc." + key, value);
                }
            });
        }
        Tomcat tomcat = newTomcat(port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(tomcat, demo);
            System.out.println(NAME + " stopped.");
        }, "oidc-servlet-sample-shutdown"));
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            System.err.println(NAME + " did not start: " + e.getMessage());
            System.exit(1);
        }
        if (!tomcat.getHost().findChild("").getState().isAvailable()) {
            System.err.println(NAME + " did not start: the WAR did not deploy (see above).");
            System.exit(1);
        }
        int bound = tomcat.getConnector().getLocalPort();
        System.out.println(LaunchSettings.instructions(NAME, "http://" + HOST + ":" + bound + "/", demo));
        tomcat.getServer().await();
    }

    /** Tomcat 9 on 127.0.0.1, trusting X-Forwarded-* from a local proxy, serving the WAR at the root. */
    static Tomcat newTomcat(int port) throws IOException {
        Path base = Files.createTempDirectory("oidc-servlet-sample-javax-");
        base.toFile().deleteOnExit();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", HOST);
        tomcat.setConnector(connector);
        tomcat.getServer().setPort(-1);

        // Behind a reverse proxy on this machine or a private network (RemoteIpValve's default internalProxies):
        // the scheme, host and port the browser used, so that the redirect URI is the external one.
        RemoteIpValve proxy = new RemoteIpValve();
        proxy.setProtocolHeader("X-Forwarded-Proto");
        proxy.setHostHeader("X-Forwarded-Host");
        proxy.setPortHeader("X-Forwarded-Port");
        tomcat.getEngine().getPipeline().addValve(proxy);
        // Errors Tomcat answers itself: no stack trace, no version.
        ErrorReportValve errors = new ErrorReportValve();
        errors.setShowReport(false);
        errors.setShowServerInfo(false);
        tomcat.getHost().getPipeline().addValve(errors);
        Path webapps = Files.createDirectory(base.resolve("webapps"));
        tomcat.getHost().setAppBase(webapps.toString());

        // What a Tomcat 9 server's conf/web.xml gives every application, less JSP (not in tomcat-embed-core): the
        // default servlet on "/". Tomcat runs no filter for a request that no servlet is mapped to (the filter's
        // /oidc/* paths). No scan of the launcher's class path for web fragments.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("", war(base).toString());
        Wrapper files = Tomcat.addServlet(context, "default", "org.apache.catalina.servlets.DefaultServlet");
        files.addInitParameter("listings", "false");
        files.setLoadOnStartup(1);
        context.addServletMappingDecoded("/", "default");
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        return tomcat;
    }

    /** The WAR inside this jar, copied next to Tomcat's work files. */
    private static Path war(Path base) throws IOException {
        Path file = base.resolve("sample-app.war");
        try (InputStream in = JavaxSampleApp.class.getResourceAsStream("/sample-app.war")) {
            if (in == null) {
                throw new IOException("sample-app.war is not in the jar: build it with mvn package");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static void stop(Tomcat tomcat, DemoProvider demo) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            System.err.println(NAME + ": stopping Tomcat failed: " + e.getMessage());
        } finally {
            if (demo != null) {
                demo.close();
            }
        }
    }
}
