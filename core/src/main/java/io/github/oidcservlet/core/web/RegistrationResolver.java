package io.github.oidcservlet.core.web;

import java.util.Optional;

/**
 * Decides in code which provider registration an anonymous request logs in with, for applications with several
 * ({@code providers}) whose choice no {@code paths} or {@code hosts} rule expresses: a tenant taken from a cookie, a
 * header, a sub-domain pattern. Asked after the request's own {@code ?provider=} and before the configured rules;
 * when no one decides, a browser gets the login chooser. The filter finds one through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.github.oidcservlet.core.web.RegistrationResolver})
 * or takes it in its constructor. Implementations are thread-safe and quick: they run on anonymous requests only.
 *
 * @param <Q> the container's request type ({@code HttpServletRequest} for the filter)
 */
@FunctionalInterface
public interface RegistrationResolver<Q> {

    /**
     * Which registration this request logs in with.
     *
     * @param request an anonymous request that needs a login
     * @return a name {@code providers} lists; empty (or an unknown name) leaves it to the {@code hosts} and
     *         {@code paths} rules, then to the chooser
     */
    Optional<String> registrationFor(Q request);
}
