package io.github.oidcservlet.core.internal.provider;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The cached, rate-limited Nimbus key source, replaced by a fresh one when a fetch failed through the provider's
 * fault: Nimbus counts a failed fetch against its refetch rate limit, so without this the login after the provider
 * recovered would still be refused ("rate limit reached") for up to the limit's interval. Only provider faults
 * reset it; an unknown {@code kid} in a forged token still meets the rate limit. Thread-safe.
 */
final class RecoveringJwkSource implements JWKSource<SecurityContext> {

    private final Supplier<JWKSource<SecurityContext>> factory;
    private final AtomicReference<JWKSource<SecurityContext>> current;

    RecoveringJwkSource(Supplier<JWKSource<SecurityContext>> factory) {
        this.factory = factory;
        this.current = new AtomicReference<>(factory.get());
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        JWKSource<SecurityContext> source = current.get();
        try {
            return source.get(selector, context);
        } catch (KeySourceException e) {
            if (ProviderFaults.in(e).isPresent()) {
                current.compareAndSet(source, factory.get());
            }
            throw e;
        }
    }
}
