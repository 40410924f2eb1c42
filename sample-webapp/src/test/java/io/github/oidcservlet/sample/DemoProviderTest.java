package io.github.oidcservlet.sample;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item 17: the demo provider answers access token revocation with RFC 7009 §2.2.1 unsupported_token_type through
 * {@link DemoProvider.QuietRevocationRoute} (no exception, so no ERROR stack trace at every logout of the sample); refresh
 * tokens still reach the mock server's own revocation.
 */
class DemoProviderTest {

    private static HttpResponse<String> revoke(DemoProvider provider, String hint) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(provider.issuer() + "/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=abc&token_type_hint=" + hint))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void accessTokenRevocationIsAnsweredQuietlyWithUnsupportedTokenType() throws Exception {
        try (DemoProvider provider = DemoProvider.start()) {
            HttpResponse<String> answer = revoke(provider, "access_token");
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("\"unsupported_token_type\"", DemoProvider.QuietRevocationRoute.DESCRIPTION);

            assertThat(revoke(provider, "refresh_token").statusCode()).isEqualTo(200);
        }
    }
}
