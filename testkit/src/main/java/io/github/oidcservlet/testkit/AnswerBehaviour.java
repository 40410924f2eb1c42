package io.github.oidcservlet.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The knobs of {@link ProviderBehaviour} that act on the provider's answers as a whole: the discovery document's
 * issuer, status and delay, a multi-tenant issuer, a verbatim answer for any endpoint, and a delay on every answer
 * (a distant provider).
 * Setters return the {@link ProviderBehaviour} so that calls chain across all the knobs.
 */
abstract sealed class AnswerBehaviour permits PushedRequestBehaviour {

    /** An endpoint's answer sent verbatim. */
    public record RawResponse(int status, String contentType, String body) { }

    private volatile String discoveryIssuer;
    private volatile Duration discoveryDelay;
    private volatile int discoveryStatus;
    private final Map<String, RawResponse> rawAnswers = new ConcurrentHashMap<>();
    private volatile Duration answerDelay;
    private volatile String multiTenant;

    abstract ProviderBehaviour self();

    /** The defaults: the real issuer, answered at once, no verbatim answers. */
    final void resetAnswers() {
        discoveryIssuer = null;
        discoveryDelay = Duration.ZERO;
        discoveryStatus = 200;
        rawAnswers.clear();
        answerDelay = Duration.ZERO;
        multiTenant = null;
    }

    /**
     * The {@code issuer} the discovery document claims; {@code null} means the real one.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour discoveryIssuer(String value) {
        discoveryIssuer = value;
        return self();
    }

    /**
     * Make the discovery endpoint slow.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour discoveryDelay(Duration value) {
        discoveryDelay = Objects.requireNonNull(value, "discoveryDelay");
        return self();
    }

    /**
     * Make the discovery endpoint answer this status (with no document) instead of 200.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour discoveryStatus(int value) {
        discoveryStatus = value;
        return self();
    }

    /**
     * Answer every request to the endpoint named {@code endpointName} ({@code discovery}, {@code token},
     * {@code userinfo}, {@code jwks}, {@code revoke}, ...) with exactly this: an HTML error page, truncated or
     * oversized JSON, a repeated member. A {@code null} body switches it off for that endpoint.
     *
     * @param endpointName the endpoint, e.g. {@code token}
     * @param status the HTTP status
     * @param contentType the {@code Content-Type}
     * @param body the body, or {@code null} to switch this off
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour rawAnswer(String endpointName, int status, String contentType, String body) {
        if (body == null) {
            rawAnswers.remove(endpointName);
        } else {
            rawAnswers.put(endpointName, new RawResponse(status, contentType, body));
        }
        return self();
    }

    /**
     * The raw answer set for that endpoint, or {@code null}.
     *
     * @param endpointName the endpoint, e.g. {@code token}
     * @return the raw answer, or null when the endpoint answers normally
     */
    public RawResponse rawAnswer(String endpointName) {
        return rawAnswers.get(endpointName);
    }

    /**
     * Add this much to every answer of every endpoint, as a provider one network round trip away would (a distant
     * provider for latency benchmarks); it comes on top of the per-endpoint delays. Default zero.
     *
     * @param value the delay added to every answer
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour answerDelay(Duration value) {
        answerDelay = Objects.requireNonNull(value, "answerDelay");
        return self();
    }

    /**
     * Act as a multi-tenant provider, as Microsoft Entra ID's {@code /common} and {@code /organizations} do: discovery
     * (and the RFC 9207 {@code iss}, when sent) names the template {@link TestProvider#tenantIssuerTemplate()}
     * ({@code <issuer>/{tenantid}/v2.0}); every ID token carries a {@code tid} (the user's {@code tid} claim, see
     * {@link TestProvider#user}, else {@code defaultTenant}) and the {@code iss} of that tenant,
     * {@link TestProvider#tenantIssuer(String)}. {@code null} (the default) is one issuer, as usual.
     *
     * @param defaultTenant the tenant of users without a {@code tid} claim, or {@code null} to switch this off
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour multiTenant(String defaultTenant) {
        multiTenant = defaultTenant;
        return self();
    }

    /** {@return the current {@code multiTenant} setting: the default tenant, or null for one issuer} */
    public String multiTenant() { return multiTenant; }

    /** {@return the current {@code discoveryIssuer} setting} */
    public String discoveryIssuer() { return discoveryIssuer; }

    /** {@return the current {@code discoveryDelay} setting} */
    public Duration discoveryDelay() { return discoveryDelay; }

    /** {@return the current {@code discoveryStatus} setting} */
    public int discoveryStatus() { return discoveryStatus; }

    /** {@return the current {@code answerDelay} setting} */
    public Duration answerDelay() { return answerDelay; }
}
