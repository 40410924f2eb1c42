package io.github.oidcservlet.core;

import io.github.oidcservlet.testkit.TestProvider;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small fixtures for configurations. */
public final class TestConfigs {

    public static final String ISSUER = "https://op.example.com";
    public static final String CLIENT_ID = "my-client";
    public static final String SECRET = "a-client-secret-of-at-least-32-bytes!!";

    private TestConfigs() {
    }

    /** The init-params of a valid configuration, to modify. */
    public static Map<String, String> validParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("issuer", ISSUER);
        params.put("client-id", CLIENT_ID);
        params.put("client-secret", SECRET);
        return params;
    }

    public static OidcConfig valid() {
        return from(validParams());
    }

    public static OidcConfig with(String... keyValues) {
        return overridden(validParams(), keyValues);
    }

    /**
     * The in-process provider's default client, with a 2 s read timeout, and {@code keyValues} on top ({@code null}
     * removes a key).
     */
    public static OidcConfig forProvider(TestProvider provider, String... keyValues) {
        Map<String, String> params = validParams();
        params.put("issuer", provider.issuer());
        params.put("client-id", TestProvider.DEFAULT_CLIENT_ID);
        params.put("client-secret", TestProvider.DEFAULT_CLIENT_SECRET);
        params.put("read-timeout", "2");
        return overridden(params, keyValues);
    }

    private static OidcConfig overridden(Map<String, String> params, String... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                params.remove(keyValues[i]);
            } else {
                params.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return from(params);
    }

    public static OidcConfig from(Map<String, String> params) {
        return OidcConfig.from(ConfigSource.initParams(params));
    }
}
