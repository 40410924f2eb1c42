package io.github.oidcservlet.core.internal.logout;

import com.nimbusds.jose.util.Base64URL;
import io.github.oidcservlet.core.LogCapture;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;
import io.github.oidcservlet.core.internal.store.InMemoryEndedLogins;
import io.github.oidcservlet.core.internal.validation.LogoutTokenValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10 item 4: the header of an unverified logout token reaches the log only neutralized. */
class BackchannelLogoutLogTest {

    private static final String FORGED = "\nSEVERE: FAKE LINE";

    private static BackchannelLogout logout() {
        URI base = URI.create(TestConfigs.ISSUER);
        ProviderMetadata metadata = new ProviderMetadata(TestConfigs.ISSUER, base.resolve("/authorize"),
                base.resolve("/token"), null, base.resolve("/jwks"), null, null, List.of("RS256"), List.of(), false);
        LogoutTokenValidator validator = new LogoutTokenValidator(TestConfigs.valid(), metadata,
                () -> (selector, context) -> List.of(), Clock.systemUTC(), BackchannelLogout.MAX_TOKEN_AGE);
        return new BackchannelLogout(() -> validator, new InMemoryEndedLogins(Clock.systemUTC()::millis), Clock.systemUTC(),
                Duration.ofSeconds(60));
    }

    /** A token whose header is {@code header}: refused on the header alone, before any key is looked at. */
    private static String tokenWithHeader(String header) {
        return Base64URL.encode(header) + "." + Base64URL.encode("{\"sub\":\"alice\"}") + "."
                + Base64URL.encode("signature");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alg\":\"RS256\\nSEVERE: FAKE LINE\"}",
            "{\"alg\":\"RS256\",\"typ\":\"JWT\\nSEVERE: FAKE LINE\"}"})
    void aForgedLineInTheAlgOrTypHeaderStaysOnTheRefusalLine(String header) {
        try (LogCapture log = LogCapture.of(BackchannelLogout.class)) {
            BackchannelLogoutResult result = logout().handle(List.of(tokenWithHeader(header)));

            assertThat(result.status()).isEqualTo(400);
            assertThat(log.text()).contains("Back-channel logout refused", "FAKE LINE").doesNotContain(FORGED);
        }
    }
}
