package io.github.oidcservlet.sample;

import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * The demo provider's answer to revoking anything but a refresh token: mock-oauth2-server revokes refresh tokens
 * only and says so with RFC 7009 §2.2.1 {@code unsupported_token_type}, an ordinary answer, but it gets there by
 * throwing, and logs a 25-line ERROR stack trace at every logout of the sample. This route gives the same answer
 * without the exception; refresh tokens still go to the mock server's own revocation.
 */
final class QuietRevocationRoute implements Route {

    static final String DESCRIPTION = "the demo provider revokes refresh tokens only";

    private final String path;

    /** @param issuerId the issuer's path on the mock server, e.g. {@code demo} */
    QuietRevocationRoute(String issuerId) {
        this.path = "/" + issuerId + "/revoke";
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        return "POST".equals(request.getMethod()) && path.equals(request.getUrl().encodedPath())
                && !"refresh_token".equals(request.getFormParameters().get("token_type_hint"));
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json;charset=UTF-8"), 400,
                "{\"error\":\"unsupported_token_type\",\"error_description\":\"" + DESCRIPTION + "\"}", null);
    }
}
