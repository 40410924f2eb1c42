package io.github.oidcservlet.filter;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.testkit.Signing;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multi-tenant issuer through the filter, as Microsoft Entra ID's {@code /common} and {@code /organizations}
 * publish it: the provider's discovery names {@code <issuer>/{tenantid}/v2.0}, each user's ID token the issuer of its
 * own tenant and its {@code tid}. Two apps: one for every tenant, one limited to tenants A and B.
 */
class MultiTenantIT {

    static final String A = "aaaaaaaa-0000-4000-8000-00000000000a";
    static final String B = "bbbbbbbb-0000-4000-8000-00000000000b";
    static final String C = "cccccccc-0000-4000-8000-00000000000c";

    @RegisterExtension
    static final TestProviderExtension providers = TestProviderExtension.create();
    static TestProvider provider;
    static TestApp anyTenant;
    static TestApp tenantsAAndB;

    @BeforeAll
    static void start() {
        provider = providers.get();
        tenantsOfTheUsers();
        anyTenant = TestApp.start(params(null));
        tenantsAAndB = TestApp.start(params(A + "," + B));
    }

    static Map<String, String> params(String tenants) {
        Map<String, String> params = TestApp.paramsFor(provider);
        params.put("issuer", provider.tenantIssuerTemplate());
        params.put("discovery-uri", provider.discoveryUri().toString());
        if (tenants != null) {
            params.put("tenants", tenants);
        }
        return params;
    }

    @AfterAll
    static void stop() {
        anyTenant.close();
        tenantsAAndB.close();
    }

    /** Alice is in tenant A (the default one), Bob in B, Carol in C; Alice and Bob have the same sub. */
    @BeforeEach
    void tenants() {
        tenantsOfTheUsers();
    }

    static void tenantsOfTheUsers() {
        provider.behaviour().multiTenant(A);
        provider.user("alice", Map.of("sub", "same-sub"));
        provider.user("bob", Map.of("tid", B, "sub", "same-sub"));
        provider.user("carol", Map.of("tid", C));
    }

    static HttpResponse<String> logIn(TestApp app, TestBrowser browser, String user) {
        provider.loginAs(user);
        return LoginFlowIT.navigate(browser, app.url("/profile"));
    }

    static boolean loggedIn(TestApp app, TestBrowser browser) {
        return browser.get(app.url("/api/ping")).statusCode() == 200;
    }

    @Test
    void usersOfTwoTenantsLogInAndEachLoginHasItsTenantsIssuer() {
        TestBrowser alice = new TestBrowser();
        TestBrowser bob = new TestBrowser();
        assertThat(logIn(anyTenant, alice, "alice").body()).contains("user=alice", "issuer=" + provider.tenantIssuer(A));
        assertThat(logIn(anyTenant, bob, "bob").body()).contains("user=bob", "issuer=" + provider.tenantIssuer(B));
        assertThat(logIn(tenantsAAndB, new TestBrowser(), "bob").body()).contains("issuer=" + provider.tenantIssuer(B));
        // one key set for every tenant, as Entra's common jwks_uri: fetched once per app, not per tenant
        assertThat(provider.count("jwks")).isLessThanOrEqualTo(2);
    }

    @Test
    void theAllowListRefusesAThirdTenantAndLeavesNoSession() {
        TestBrowser carol = new TestBrowser();
        HttpResponse<String> refused = logIn(tenantsAAndB, carol, "carol");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("user=carol");
        assertThat(loggedIn(tenantsAAndB, carol)).isFalse();
        // an app for every tenant takes her
        assertThat(logIn(anyTenant, new TestBrowser(), "carol").body()).contains("issuer=" + provider.tenantIssuer(C));
    }

    @Test
    void aTokenWhoseIssIsAnotherTenantsThanItsTidIsRefused() {
        provider.behaviour().idTokenClaims(claims -> claims.issuer(provider.tenantIssuer(B)));
        TestBrowser alice = new TestBrowser();
        assertThat(logIn(anyTenant, alice, "alice").statusCode()).isEqualTo(401);
        assertThat(loggedIn(anyTenant, alice)).isFalse();
    }

    @Test
    void aTokenWithoutTidIsRefused() {
        provider.behaviour().idTokenClaims(claims -> claims.claim("tid", null));
        TestBrowser alice = new TestBrowser();
        assertThat(logIn(anyTenant, alice, "alice").statusCode()).isEqualTo(401);
        assertThat(loggedIn(anyTenant, alice)).isFalse();
    }

    @Test
    void aRefreshedIdTokenOfAnotherTenantEndsTheLogin() {
        TestBrowser alice = new TestBrowser();
        // 20 s left is inside the 30 s refresh-margin: every request refreshes (the landing page already did once)
        provider.behaviour().expiresIn(20L);
        assertThat(logIn(anyTenant, alice, "alice").body()).contains("issuer=" + provider.tenantIssuer(A));
        assertThat(loggedIn(anyTenant, alice)).as("an honest refresh keeps the login").isTrue();
        long before = refreshGrants();
        provider.behaviour().idTokenClaims(claims -> claims.issuer(provider.tenantIssuer(B)).claim("tid", B));
        assertThat(loggedIn(anyTenant, alice)).isFalse();
        assertThat(refreshGrants()).isEqualTo(before + 1);
    }

    static long refreshGrants() {
        return provider.requests("token").stream().filter(r -> "refresh_token".equals(r.form("grant_type"))).count();
    }

    @Test
    void aBackChannelLogoutOfTenantAEndsNotTheLoginOfTenantBWithTheSameSub() {
        TestBrowser alice = new TestBrowser();
        TestBrowser bob = new TestBrowser();
        assertThat(logIn(anyTenant, alice, "alice").body()).contains("sub=same-sub");
        assertThat(logIn(anyTenant, bob, "bob").body()).contains("sub=same-sub");
        JWTClaimsSet ofTenantA = provider.logoutTokenClaims().subject("same-sub").build();
        assertThat(ofTenantA.getIssuer()).isEqualTo(provider.tenantIssuer(A));
        HttpResponse<String> answer = new TestBrowser().post(anyTenant.url("/oidc/backchannel-logout"),
                Map.of("logout_token", provider.signLogoutToken(ofTenantA, Signing.RS256)));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(loggedIn(anyTenant, alice)).as("tenant A's login").isFalse();
        assertThat(loggedIn(anyTenant, bob)).as("tenant B's login with the same sub").isTrue();
    }

    @Test
    void rfc9207IssIsTheTemplateOrTheIssuerOfAnAllowedTenant() {
        provider.behaviour().issParameter(true);
        assertThat(logIn(tenantsAAndB, new TestBrowser(), "alice").body()).contains("user=alice");
        provider.behaviour().issParameter(true, provider.tenantIssuer(A));
        assertThat(logIn(tenantsAAndB, new TestBrowser(), "alice").body()).contains("user=alice");
        provider.behaviour().issParameter(true, provider.tenantIssuer(C));
        TestBrowser mixedUp = new TestBrowser();
        assertThat(logIn(tenantsAAndB, mixedUp, "alice").statusCode()).isEqualTo(400);
        assertThat(loggedIn(tenantsAAndB, mixedUp)).isFalse();
    }
}
