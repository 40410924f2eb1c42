package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.core.ConfigSource;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.login.LoginResult;
import io.github.oidcservlet.core.internal.login.PendingLogins;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Engines of a cluster: each its own OidcEngine with store=jdbc on one database, against the testkit provider. */
final class EngineNodes {

    private EngineNodes() {
    }

    static OidcEngine node(TestProvider provider, String jdbcUrl, String prefix, String... keyValues) {
        return node(provider, jdbcUrl, prefix, java.time.Clock.systemUTC(), keyValues);
    }

    static OidcEngine node(TestProvider provider, String jdbcUrl, String prefix, java.time.Clock clock,
                           String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("issuer", provider.issuer());
        params.put("client-id", TestProvider.DEFAULT_CLIENT_ID);
        params.put("client-secret", TestProvider.DEFAULT_CLIENT_SECRET);
        params.put("read-timeout", "2");
        params.put("store", "jdbc");
        params.put("store-jdbc-url", jdbcUrl);
        params.put("store-jdbc-user", "postgres");
        params.put("store-table-prefix", prefix);
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return OidcEngine.create(OidcConfig.from(ConfigSource.initParams(params)), clock);
    }

    /** A whole login on {@code engine}: the redirect, the provider's answer as a browser gets it, the callback. */
    static OidcLogin login(OidcEngine engine) {
        PendingLogins pending = new PendingLogins();
        String redirect = "http://127.0.0.1/cb";
        LoginResult start = engine.startLogin(redirect, "/", pending);
        URI authorize = ((LoginResult.Redirect) start).location();
        String location = new TestBrowser().get(authorize.toString()).headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect from the provider"));
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            params.computeIfAbsent(decode(pair.substring(0, equals)), k -> new ArrayList<>())
                    .add(decode(pair.substring(equals + 1)));
        }
        LoginResult done = engine.completeLogin(params, pending);
        if (!(done instanceof LoginResult.LoggedIn loggedIn)) {
            throw new AssertionError("login failed: " + done);
        }
        return loggedIn.session();
    }

    /** A signed logout token of the provider for every login of {@code sub}. */
    static String logoutToken(TestProvider provider, String sub) {
        return provider.signLogoutToken(provider.logoutTokenClaims().subject(sub).build(),
                io.github.oidcservlet.testkit.Signing.RS256);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
