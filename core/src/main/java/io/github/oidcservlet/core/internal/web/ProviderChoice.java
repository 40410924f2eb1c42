package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.web.HttpBinding;
import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.core.web.RegistrationResolver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Which registration an anonymous request logs in with, when there are several: the request's own
 * {@code ?provider=<name>}, then the application's {@link RegistrationResolver}, then the first registration whose
 * {@code hosts} has the request's host, then the first whose {@code paths} has its path. None: the chooser.
 *
 * @param <Q> the container's request type
 */
public final class ProviderChoice<Q> {

    /** The query parameter that names the registration. */
    public static final String PARAMETER = "provider";

    private final HttpBinding<Q, ?> http;
    private final EngineSet engines;
    private final RegistrationResolver<Q> resolver;
    private final PathPatterns[] paths;

    /** @param resolver the application's, or null */
    public ProviderChoice(HttpBinding<Q, ?> http, EngineSet engines, RegistrationResolver<Q> resolver) {
        this.http = http;
        this.engines = engines;
        this.resolver = resolver;
        this.paths = engines.configs().stream().map(config -> new PathPatterns(config.paths()))
                .toArray(PathPatterns[]::new);
    }

    /** @return the engine to log in with, or null when the user must choose */
    public OidcEngine choose(Q request) {
        if (!engines.several()) {
            return engines.first();
        }
        OidcEngine named = engines.named(requested(request));
        if (named == null && resolver != null) {
            named = engines.named(resolver.registrationFor(request).orElse(null));
        }
        return named != null ? named : byRules(request);
    }

    private OidcEngine byRules(Q request) {
        List<OidcEngine> all = engines.all();
        String host = http.serverName(request);
        host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        for (OidcEngine engine : all) {
            if (hostMatches(engine.config(), host)) {
                return engine;
            }
        }
        String tail = http.pathInfo(request);
        String head = RequestPath.head(http.servletPath(request), tail);
        for (int i = 0; i < paths.length; i++) {
            if (paths[i].matches(head, tail)) {
                return all.get(i);
            }
        }
        return null;
    }

    private static boolean hostMatches(OidcConfig config, String host) {
        for (String rule : config.hosts()) {
            // *.example.com: any host below example.com, not example.com itself
            if (rule.startsWith("*.") ? host.endsWith(rule.substring(1)) : host.equals(rule)) {
                return true;
            }
        }
        return false;
    }

    /** @return the first {@code provider} value of the request's query, or null */
    public String requested(Q request) {
        return queryParameter(request, PARAMETER);
    }

    /**
     * A parameter of the query string alone: a protected page's form body is the application's to read.
     *
     * @return its first value, decoded, or null
     */
    public String queryParameter(Q request, String name) {
        String query = http.queryString(request);
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                try {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return null;
    }
}
