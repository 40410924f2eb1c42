package io.github.oidcservlet.testkit;

import java.util.Objects;

/**
 * How a {@link TestProvider} names itself.
 *
 * @param issuerPath path appended to {@code http://127.0.0.1:<port>} to form the issuer, and the prefix of every
 *                   endpoint: {@code ""} (the default) or a path such as {@code "/oidc"} (no trailing slash)
 * @param fixedIssuer an issuer string used verbatim instead of the URL (for example {@code "agate:abc"}, for
 *                    relying parties configured with manual endpoints), or {@code null}
 */
public record TestProviderOptions(String issuerPath, String fixedIssuer) {

    /**
     * Options, checked.
     *
     * @param issuerPath  the issuer path, {@code ""} or starting with a slash
     * @param fixedIssuer a verbatim issuer string, or {@code null}
     */
    public TestProviderOptions {
        Objects.requireNonNull(issuerPath, "issuerPath");
        if (!issuerPath.isEmpty() && (!issuerPath.startsWith("/") || issuerPath.endsWith("/"))) {
            throw new IllegalArgumentException(
                    "issuerPath must be empty or start with '/' and not end with '/': " + issuerPath);
        }
        if (fixedIssuer != null && fixedIssuer.isBlank()) {
            throw new IllegalArgumentException("fixedIssuer must not be blank");
        }
    }

    /**
     * Issuer {@code http://127.0.0.1:<port>}, endpoints at the root.
     *
     * @return this, to chain calls
     */
    public static TestProviderOptions defaults() {
        return new TestProviderOptions("", null);
    }

    /**
     * Issuer {@code http://127.0.0.1:<port><path>}; discovery and endpoints below that path.
     *
     * @param path the path
     * @return this, to chain calls
     */
    public TestProviderOptions withIssuerPath(String path) {
        return new TestProviderOptions(path, fixedIssuer);
    }

    /**
     * An issuer string that is not derived from the URL (for example {@code "agate:abc"}). The endpoints stay at
     * {@code http://127.0.0.1:<port><issuerPath>/...}; the discovery document still answers, but a relying party
     * cannot find it from such an issuer (OIDC Discovery §4 needs an https URL issuer).
     *
     * @param issuer the issuer
     * @return this, to chain calls
     */
    public TestProviderOptions withIssuer(String issuer) {
        return new TestProviderOptions(issuerPath, issuer);
    }
}
