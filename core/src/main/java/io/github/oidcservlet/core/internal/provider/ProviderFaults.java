package io.github.oidcservlet.core.internal.provider;

import io.github.oidcservlet.core.ProviderProtocolException;
import java.util.Optional;

/** Finds the provider's fault behind an error that a library (Nimbus) wrapped on its way up. */
public final class ProviderFaults {

    private ProviderFaults() {
    }

    /** The {@link ProviderUnavailableException} or {@link ProviderProtocolException} in the cause chain, if any. */
    public static Optional<RuntimeException> in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProviderUnavailableException || t instanceof ProviderProtocolException) {
                return Optional.of((RuntimeException) t);
            }
        }
        return Optional.empty();
    }
}
