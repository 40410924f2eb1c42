package io.github.oidcservlet.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oidcservlet.testkit.TestBrowser;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

    /**
     * The mechanism's own 4xx answers (a 401 for an API call, a 400 for a forged logout token) reach the client
     * as written, and WildFly has nothing to add: Undertow sends its error page over a 4xx of a request that stays
     * unauthenticated unless the exchange is complete, and fails ({@code UT010019: Response already commited}) if
     * the response is merely committed.
     */
    @Test
    void theMechanismsOwnErrorAnswersLeaveNoServerErrorInTheLog() {
        TestBrowser browser = new TestBrowser();
        assertThat(browser.get(url("/api/me")).statusCode()).isEqualTo(401);
        assertThat(browser.post(url("/oidc/backchannel-logout"), Map.of("logout_token", "forged")).statusCode())
                .isEqualTo(400);

        assertThat(applicationLog().toString()).doesNotContain("UT005023", "UT010019");
    }

    @Override
    Started launch(Map<String, String> oidcEnvironment) throws Exception {
        return WildFly.start(ServerFiles.mechanismWar(), oidcEnvironment, false);
    }
}
