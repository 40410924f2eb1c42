package io.github.oidcservlet.core.web;

import io.github.oidcservlet.core.ConfigSource;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.OidcRegistrations;
import io.github.oidcservlet.core.TestClock;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.internal.login.PendingLogins;
import io.github.oidcservlet.core.internal.web.SessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The web layer with several registrations, in memory: routing, the choice of provider, logins by registration. */
class SeveralRegistrationsTest {

    private final TestClock clock = new TestClock();
    private final List<OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response>> adapters = new ArrayList<>();
    private final InMemoryHttp.Response response = new InMemoryHttp.Response();

    @AfterEach
    void close() {
        adapters.forEach(OidcWebAdapter::close);
    }

    /** Registrations {@code home} and {@code work} with manual endpoints at op-home / op-work; extra init-params. */
    private OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> adapter(
            RegistrationResolver<InMemoryHttp.Request> resolver, String... keyValues) {
        Map<String, String> params = new HashMap<>();
        params.put("providers", "home,work");
        for (String name : List.of("home", "work")) {
            String op = "https://op-" + name + ".example";
            params.put(name + ".issuer", op);
            params.put(name + ".client-id", name + "-client");
            params.put(name + ".client-secret", TestConfigs.SECRET);
            params.put(name + ".authorization-endpoint", op + "/auth");
            params.put(name + ".token-endpoint", op + "/token");
            params.put(name + ".jwks-uri", op + "/jwks");
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        List<OidcEngine> engines = OidcRegistrations.from(ConfigSource.initParams(params)).all().stream()
                .map(config -> OidcEngine.create(config, clock)).toList();
        OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> adapter =
                new OidcWebAdapter<>(engines, clock, InMemoryHttp.HTTP, resolver);
        adapters.add(adapter);
        return adapter;
    }

    private static InMemoryHttp.Request navigation(String host, String path, String query) {
        InMemoryHttp.Request request = new InMemoryHttp.Request(path).header("Accept", "text/html");
        request.host = host;
        request.query = query;
        return request;
    }

    private String challengeLocation(OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> adapter,
                                     InMemoryHttp.Request request) throws IOException {
        InMemoryHttp.Response answer = new InMemoryHttp.Response();
        adapter.challenge(request, answer, Renewal.ENDED);
        return answer.status == 302 ? answer.headers.get("Location") : "status " + answer.status;
    }

    @Test
    void eachRegistrationsCallbackAndBackChannelPathAreOurs() {
        OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> adapter = adapter(null);

        assertThat(adapter.route(new InMemoryHttp.Request("/oidc/callback/work"))).isEqualTo(Route.CALLBACK);
        assertThat(adapter.route(new InMemoryHttp.Request("/oidc/callback/home"))).isEqualTo(Route.CALLBACK);
        assertThat(adapter.route(new InMemoryHttp.Request("/oidc/callback"))).as("no registration's").isEqualTo(Route.PROTECTED);
        assertThat(adapter.route(new InMemoryHttp.Request("/oidc/backchannel-logout/work"))).isEqualTo(Route.BACKCHANNEL_LOGOUT);
        assertThat(adapter.route(new InMemoryHttp.Request("/oidc/login"))).isEqualTo(Route.LOGIN);
        InMemoryHttp.Request split = new InMemoryHttp.Request("/oidc");
        split.pathInfo = "/callback/home";
        assertThat(adapter.route(split)).isEqualTo(Route.CALLBACK);
    }

    @Test
    void aHostRuleExactOrWildcardPicksItsRegistration() throws IOException {
        OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> adapter = adapter(null,
                "work.hosts", "intranet.example, *.corp.example");

        assertThat(challengeLocation(adapter, navigation("Intranet.example", "/profile", null)))
                .startsWith("https://op-work.example/auth?").contains("redirect_uri=http%3A%2F%2FIntranet.example%2Foidc%2Fcallback%2Fwork");
        assertThat(challengeLocation(adapter, navigation("hr.corp.example", "/profile", null)))
                .startsWith("https://op-work.example/auth?");
        assertThat(challengeLocation(adapter, navigation("corp.example", "/profile", null)))
                .as("the wildcard is for hosts below it").isEqualTo("status 200");
    }

    @Test
    void theApplicationsResolverDecidesAfterTheRequestsOwnProviderAndBeforeTheRules() throws IOException {
        RegistrationResolver<InMemoryHttp.Request> byHeader =
                request -> Optional.ofNullable(request.headers.get("X-Tenant"));
        OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> adapter = adapter(byHeader, "work.paths", "/work/*");

        assertThat(challengeLocation(adapter, navigation("app.example", "/work/x", null).header("X-Tenant", "home")))
                .startsWith("https://op-home.example/auth?");
        assertThat(challengeLocation(adapter, navigation("app.example", "/x", "provider=work").header("X-Tenant", "home")))
                .startsWith("https://op-work.example/auth?");
        assertThat(challengeLocation(adapter, navigation("app.example", "/work/x", null).header("X-Tenant", "nobody")))
                .as("an unknown name leaves it to the rules").startsWith("https://op-work.example/auth?");
    }

    @Test
    void aLoginIsActiveAtItsOwnRegistrationOnlyAndOneOfAnUnconfiguredRegistrationIsDropped() {
        OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> adapter = adapter(null);
        OidcLogin work = WebFixtures.login(clock, 3600, "r").toBuilder().registrationId("work").build();
        OidcLogin old = WebFixtures.login(clock, 3600, "r");
        InMemoryHttp.Request atWork = new InMemoryHttp.Request("/profile");
        InMemoryHttp.HTTP.setSessionAttribute(atWork, SessionStore.SESSION_ATTRIBUTE, work);
        InMemoryHttp.Request fromBefore = new InMemoryHttp.Request("/profile");
        InMemoryHttp.HTTP.setSessionAttribute(fromBefore, SessionStore.SESSION_ATTRIBUTE, old);

        assertThat(adapter.activeLogin(atWork)).isSameAs(work);
        assertThat(adapter.activeLogin(fromBefore)).as("registration 'default' is not configured").isNull();
        assertThat(adapter.renew(fromBefore)).isEqualTo(Renewal.ENDED);
        assertThat(adapter.sessions().find(fromBefore)).isNull();
    }

    @Test
    void theLoginPathReturnsToASameOriginPageOnly() throws IOException {
        OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> adapter = adapter(null);
        InMemoryHttp.Request safe = navigation("app.example", "/oidc/login", "provider=home&return=%2Forders%3Fid%3D7");
        adapter.login(safe, response);
        assertThat(response.headers.get("Location")).startsWith("https://op-home.example/auth?");
        assertThat(pendingReturnTo(safe, response.headers.get("Location"))).isEqualTo("/orders?id=7");

        OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> single = WebFixtures.adapter(clock);
        adapters.add(single);
        InMemoryHttp.Request open = navigation("app.example", "/oidc/login", "return=https%3A%2F%2Fevil.example%2F");
        InMemoryHttp.Response toProvider = new InMemoryHttp.Response();
        single.login(open, toProvider);
        assertThat(toProvider.status).isEqualTo(302);
        assertThat(toProvider.headers.get("Location")).startsWith("https://op.example.com/auth?")
                .contains("redirect_uri=http%3A%2F%2Fapp.example%2Foidc%2Fcallback&");
        assertThat(pendingReturnTo(open, toProvider.headers.get("Location"))).as("RFC 9700 §4.11").isEqualTo("/");
    }

    /** Where the pending login of the authorization request at {@code location} returns to. */
    private String pendingReturnTo(InMemoryHttp.Request request, String location) {
        String state = location.replaceAll(".*[?&]state=([^&]*).*", "$1");
        PendingLogins pending = (PendingLogins) request.session.attributes.get(SessionStore.PENDING_ATTRIBUTE);
        return pending.take(state, clock.millis()).orElseThrow().returnTo();
    }
}
