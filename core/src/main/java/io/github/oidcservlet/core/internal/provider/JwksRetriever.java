package io.github.oidcservlet.core.internal.provider;

import io.github.oidcservlet.core.ProviderProtocolException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.text.ParseException;

/**
 * Lets Nimbus fetch the JWKS through the provider's bounded HTTP client. Whatever keeps the key set from being read
 * (no answer, an error status, a body that is no JSON Web Key Set) is the provider's fault and leaves here as a
 * {@link ProviderFaultIOException}, never as a reason to call a token bad.
 */
final class JwksRetriever implements ResourceRetriever {

    private final ProviderHttp http;

    JwksRetriever(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new ProviderFaultIOException(new ProviderProtocolException("jwks_uri is not a valid URI: " + url, e));
        }
        String endpoint = ProviderHttp.endpoint(uri);
        HttpResult result;
        try {
            result = http.get(uri, "JWKS endpoint", "Accept", "application/json, application/jwk-set+json");
        } catch (ProviderUnavailableException | ProviderProtocolException e) {
            throw new ProviderFaultIOException(e);
        }
        if (result.status() >= 500) {
            throw new ProviderFaultIOException(new ProviderUnavailableException(
                    "The JWKS endpoint at " + endpoint + " answered HTTP " + result.status()));
        }
        if (result.status() != 200) {
            throw new ProviderFaultIOException(new ProviderProtocolException(
                    "The JWKS endpoint at " + endpoint + " answered HTTP " + result.status()));
        }
        try {
            // RFC 7517 §5: a JWK Set is a JSON object with a "keys" array. Read here so that a broken answer (an
            // HTML error page, truncated or wrong-typed JSON) is told as what it is: the provider's fault, and
            // one that usually passes, hence "unavailable" with a retry hint.
            JWKSet.parse(result.body());
        } catch (ParseException | RuntimeException e) {
            // Nimbus throws a NullPointerException for the JSON text "null" and may throw other unchecked
            // exceptions for shapes it does not expect: whatever it cannot read is the same fault.
            throw new ProviderFaultIOException(new ProviderUnavailableException("The JWKS endpoint at " + endpoint
                    + " answered HTTP 200 with " + describe(result) + " that is not a JSON Web Key Set"));
        }
        return new Resource(result.body(), result.contentType());
    }

    private static String describe(HttpResult result) {
        String type = result.mediaType();
        return (type.isEmpty() ? "no content type" : type) + " (" + result.body().length() + " chars)";
    }

    /** Carries a provider fault through Nimbus, which only lets IOExceptions pass. */
    static final class ProviderFaultIOException extends IOException {
        private static final long serialVersionUID = 1L;

        ProviderFaultIOException(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
