package io.github.oidcservlet.core.store;

/**
 * The {@code jti}s of logout tokens received recently (OpenID Back-Channel Logout 1.0 §2.6 step 6: "verify that
 * another Logout Token with the same jti value has not been recently received"). A cluster shares one, so a token
 * replayed to another node is refused too. Implementations are thread-safe.
 */
public interface JtiReplayCache {

    /**
     * Records {@code jti} unless it is known.
     *
     * @param jti       the logout token's {@code jti}
     * @param nowMillis the engine's clock (epoch milliseconds)
     * @return false when it was seen within the time to live (a replay)
     * @throws StoreUnavailableException when the store cannot be asked now (the logout is answered 503)
     */
    boolean firstSighting(String jti, long nowMillis);

    /**
     * Best effort: forgets a {@code jti} recorded by {@link #firstSighting} whose logout could then not be
     * recorded, so that the provider's retry of the same token is not refused as a replay. Never throws.
     *
     * @param jti the logout token's {@code jti}
     */
    default void forget(String jti) {
    }
}
