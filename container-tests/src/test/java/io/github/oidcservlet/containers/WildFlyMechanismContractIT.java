package io.github.oidcservlet.containers;

import java.util.Map;

/**
 * The Jakarta EE sample's WAR (the mechanism) on WildFly, with {@code integrated-jaspi="false"} on undertow's
 * application-security-domain as WildFly documents for Jakarta Security ({@link WildFlyIntegratedJaspiIT}: without).
 */
class WildFlyMechanismContractIT extends ContainerContract {

    @Override
    String container() {
        return "WildFly";
    }

    @Override
    String version() {
        return System.getProperty("wildfly.version");
    }

    @Override
    String frontDoor() {
        return "mechanism";
    }

    /**
     * WildFly 39 (Undertow 2.3) writes no {@code SameSite} from {@code web.xml}'s {@code cookie-config}: its
     * session cookie is {@code JSESSIONID=…; path=/; HttpOnly}. Browsers treat a cookie without it as {@code Lax}.
     */
    @Override
    protected boolean serverWritesSameSite() {
        return false;
    }

    /**
     * Undertow expires the session cookie when the session is invalidated ({@code SessionCookieConfig.clearSession}
     * in every session manager's {@code invalidate}): back from the provider, the browser names no session, and the
     * sample cannot tell its own logout from a made-up link.
     */
    @Override
    protected boolean serverKeepsTheInvalidatedSessionCookie() {
        return false;
    }

    @Override
    Started launch(Map<String, String> oidcEnvironment) throws Exception {
        return WildFly.start(ServerFiles.mechanismWar(), oidcEnvironment, false);
    }
}
