package io.github.oidcservlet.core.provider;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;

/** Lets Nimbus fetch the JWKS through the provider's bounded HTTP client. */
final class JwksRetriever implements ResourceRetriever {

    private final ProviderHttp http;

    JwksRetriever(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        HttpResult result;
        try {
            result = http.get(url.toURI(), "JWKS endpoint", "Accept", "application/json, application/jwk-set+json");
        } catch (URISyntaxException e) {
            throw new IOException("jwks_uri is not a valid URI", e);
        } catch (ProviderUnavailableException e) {
            throw new UnavailableIOException(e);
        }
        if (result.status() >= 500) {
            throw new UnavailableIOException(new ProviderUnavailableException(
                    "The JWKS endpoint at " + url + " answered HTTP " + result.status()));
        }
        if (result.status() != 200) {
            throw new IOException("The JWKS endpoint at " + url + " answered HTTP " + result.status());
        }
        return new Resource(result.body(), result.contentType());
    }

    /** Carries a {@link ProviderUnavailableException} through Nimbus, which only lets IOExceptions pass. */
    static final class UnavailableIOException extends IOException {
        private static final long serialVersionUID = 1L;

        UnavailableIOException(ProviderUnavailableException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
