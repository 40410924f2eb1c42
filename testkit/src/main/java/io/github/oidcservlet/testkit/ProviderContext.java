package io.github.oidcservlet.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The state one provider's endpoints share. Everything in it is thread-safe. */
final class ProviderContext {

    /** The placeholder of a multi-tenant issuer, as Microsoft Entra ID writes it. */
    static final String TENANT_PLACEHOLDER = "{tenantid}";

    final String issuer;
    final EndpointUris uris;
    final ProviderBehaviour behaviour = new ProviderBehaviour();
    final Clients clients = new Clients();
    final Users users = new Users();
    final Grants grants = new Grants();
    final PushedRequests pushed = new PushedRequests();
    final RequestLog log = new RequestLog();
    final ClientAssertionCheck assertions = new ClientAssertionCheck(this);
    final AtomicReference<KeyMaterial> keys = new AtomicReference<>(KeyMaterial.generate());
    final TokenSigner signer = new TokenSigner(keys::get);
    final Clock clock = Clock.systemUTC();
    private final ObjectMapper mapper = new ObjectMapper();
    private final CountDownLatch closing = new CountDownLatch(1);

    ProviderContext(String issuer, EndpointUris uris) {
        this.issuer = issuer;
        this.uris = uris;
    }

    /** {@return the issuer discovery and RFC 9207 name: the template when multi-tenant, else the issuer} */
    String advertisedIssuer() {
        return behaviour.multiTenant() != null ? tenantIssuer(TENANT_PLACEHOLDER) : issuer;
    }

    /** {@return the issuer of one tenant, Entra's shape: {@code <issuer>/<tid>/v2.0}} */
    String tenantIssuer(String tid) {
        return issuer + "/" + tid + "/v2.0";
    }

    /**
     * Waits, as a slow provider would; returns {@code false} at once when the provider is closing, so that a
     * hanging endpoint never holds up {@link TestProvider#close()}.
     */
    boolean pause(Duration delay) throws InterruptedException {
        if (delay.isZero() || delay.isNegative()) {
            return closing.getCount() > 0;
        }
        return !closing.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    void startClosing() {
        closing.countDown();
    }

    String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    Answer json(int status, Object value) {
        return Answer.json(status, toJson(value));
    }

    /** An RFC 6749 §5.2 error body. */
    Answer oauthError(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (description != null) {
            body.put("error_description", description);
        }
        return json(status, body);
    }
}
