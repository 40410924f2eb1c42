package io.github.oidcservlet.sample.web;

import io.github.oidcservlet.core.OidcPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The signed-in user, as {@code OidcFilter} exposes it through the standard {@code getUserPrincipal()}. */
final class CurrentUser {

    private CurrentUser() {
    }

    static Optional<OidcPrincipal> of(HttpServletRequest request) {
        return request.getUserPrincipal() instanceof OidcPrincipal principal
                ? Optional.of(principal)
                : Optional.empty();
    }
}
