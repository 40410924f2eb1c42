package io.github.oidcservlet.sample.javax;

import io.github.oidcservlet.testkit.TestProvider;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shared sample contract against {@code oidc-servlet-sample-javax.jar}: the javax WAR on embedded Tomcat 9,
 * started as a user starts it ({@code java -jar}, {@code PORT}, {@code OIDC_*}), once for the class; and the
 * redirect and post-logout URIs behind a proxy through Tomcat's {@code RemoteIpValve}.
 */
class Tomcat9JarContractIT extends ForwardedOriginContract {

    private static final Pattern OPEN = Pattern.compile("open (http://127\\.0\\.0\\.1:\\d+/)");

    private ServerProcess server;

    @Override
    protected URI startApplication(TestProvider provider) throws Exception {
        server = ServerProcess.java("tomcat9", List.of("-jar", System.getProperty("sample.javax.jar")),
                providerSettings(provider));
        URI base = URI.create(server.awaitLine(OPEN).group(1));
        System.out.printf("Tomcat 9 (javax sample jar) up in %d ms%n", server.millisSinceStart());
        return base;
    }

    @Override
    protected void stopApplication() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected CharSequence applicationLog() {
        return server == null ? "" : server.output();
    }
}
