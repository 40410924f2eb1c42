package io.github.oidcservlet.core.internal.logout;

import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;
import io.github.oidcservlet.core.OidcLogin;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where the browser goes after a local logout: the provider's end-session endpoint, or back to the app. */
public final class LogoutRedirects {

    private final OidcConfig config;

    public LogoutRedirects(OidcConfig config) {
        this.config = config;
    }

    /**
     * @param session               the session being ended, or null when there was none
     * @param postLogoutRedirectUri the absolute URL to come back to
     */
    public URI location(ProviderMetadata metadata, OidcLogin session, String postLogoutRedirectUri) {
        return location(metadata, session, postLogoutRedirectUri, null);
    }

    /**
     * @param state an opaque value the provider passes back to {@code postLogoutRedirectUri}, or null
     */
    public URI location(ProviderMetadata metadata, OidcLogin session, String postLogoutRedirectUri, String state) {
        if (metadata == null || metadata.endSessionEndpoint() == null || session == null) {
            return URI.create(postLogoutRedirectUri);
        }
        URI endpoint = metadata.endSessionEndpoint();
        // OpenID RP-Initiated Logout 1.0 §2: id_token_hint RECOMMENDED; client_id; post_logout_redirect_uri.
        String url = endpoint + (endpoint.getRawQuery() == null ? "?" : "&")
                + "id_token_hint=" + encode(session.idToken())
                + "&client_id=" + encode(config.clientId())
                + "&post_logout_redirect_uri=" + encode(postLogoutRedirectUri)
                // §3: "state ... Opaque value used by the RP to maintain state between the logout request and the
                // callback to the endpoint specified by the post_logout_redirect_uri query parameter."
                + (state == null ? "" : "&state=" + encode(state));
        return URI.create(url);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
