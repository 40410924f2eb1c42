package io.github.oidcservlet.jakarta.internal;

import java.util.Map;

/**
 * The one WildFly setting this mechanism needs, said where an operator looks. With WildFly's default
 * ({@code integrated-jaspi="true"} on undertow's {@code application-security-domain}), Elytron checks every caller
 * a Jakarta Security mechanism names against its own security domain (the {@code application-users.properties} of
 * {@code ApplicationDomain}), which knows none of the provider's users: the login completes, and every request of
 * the logged-in user fails with {@code ELY01177: Authorization failed}. WildFly's documentation for Jakarta
 * Security mechanisms sets it to {@code false}: the domain then takes the caller and groups as the mechanism gives
 * them.
 */
public final class WildFlyIntegratedJaspi {

    /** What to set, in WildFly's own CLI, for the log. */
    static final String SETTING = "integrated-jaspi=\"false\" on undertow's application-security-domain "
            + "(jboss-cli: /subsystem=undertow/application-security-domain=other:write-attribute("
            + "name=integrated-jaspi,value=false), then :reload)";
    private static final String AUTHORIZATION_FAILED = "ELY01177";

    private WildFlyIntegratedJaspi() {
    }

    /** Whether this JVM is a WildFly (or JBoss EAP) server: its launcher sets these. */
    public static boolean runningOnWildFly(Map<?, ?> systemProperties) {
        return systemProperties.containsKey("jboss.home.dir") && systemProperties.containsKey("jboss.server.base.dir");
    }

    /** The start-up line for WildFly. */
    public static String startHint() {
        return "Running on WildFly: the OpenID Connect mechanism needs " + SETTING
                + "; with WildFly's default every logged-in request fails with ELY01177: Authorization failed";
    }

    /**
     * The log line for a login the container refused, if WildFly's integrated JASPI refused it; {@code null} for
     * any other failure.
     */
    public static String explain(RuntimeException refused) {
        Throwable cause = refused;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.contains(AUTHORIZATION_FAILED)) {
                return "WildFly refused the caller the OpenID Connect mechanism logged in (" + AUTHORIZATION_FAILED
                        + ": Authorization failed): its integrated JASPI checks the caller against its own security "
                        + "domain, which does not know the provider's users. Set " + SETTING;
            }
        }
        return null;
    }
}
