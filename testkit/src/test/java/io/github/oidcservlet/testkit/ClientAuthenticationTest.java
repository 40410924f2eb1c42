package io.github.oidcservlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientAuthenticationTest {

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();
    private final RawHttp http = new RawHttp();

    @Test
    void wrongBasicSecretIsInvalidClientWithAChallenge() throws Exception {
        RawHttp.Pkce pkce = http.pkce();
        Map<String, String> form = codeForm(http.authorize(provider.get(), pkce), pkce);

        HttpResponse<String> response = http.post(provider.get().tokenEndpoint(), form,
                "Authorization", RawHttp.basic("test-client", "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(http.json(response)).containsEntry("error", "invalid_client");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void methodOutsideTheAllowedSetIsRefusedEvenWithTheRightSecret() throws Exception {
        provider.get().behaviour().allowedClientAuthMethods(Set.of("client_secret_basic"));
        RawHttp.Pkce pkce = http.pkce();
        Map<String, String> form = codeForm(http.authorize(provider.get(), pkce), pkce);
        form.put("client_id", "test-client");
        form.put("client_secret", "test-secret");

        HttpResponse<String> response = http.post(provider.get().tokenEndpoint(), form);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(http.json(response)).containsEntry("error", "invalid_client");
    }

    @Test
    void clientSecretPostAndFormEncodedBasicCredentialsWork() throws Exception {
        provider.get().client("id with:colon", "s&cret:x");
        RawHttp.Pkce pkce = http.pkce();
        Map<String, String> params = RawHttp.authorizationParams(pkce);
        params.put("client_id", "id with:colon");
        String location = http.get(RawHttp.withQuery(provider.get().authorizationEndpoint(), params))
                .headers().firstValue("Location").orElseThrow();
        Map<String, String> form = codeForm(RawHttp.query(location).get("code"), pkce);

        HttpResponse<String> basic = http.post(provider.get().tokenEndpoint(), form,
                "Authorization", RawHttp.basic("id with:colon", "s&cret:x"));

        assertThat(basic.statusCode()).as(basic.body()).isEqualTo(200);

        RawHttp.Pkce pkce2 = http.pkce();
        Map<String, String> postForm = codeForm(http.authorize(provider.get(), pkce2), pkce2);
        postForm.put("client_id", "test-client");
        postForm.put("client_secret", "test-secret");
        assertThat(http.post(provider.get().tokenEndpoint(), postForm).statusCode()).isEqualTo(200);
    }

    @Test
    void publicClientUsesNoneButAConfidentialOneMayNot() throws Exception {
        provider.get().client("spa", null, RawHttp.REDIRECT_URI);
        RawHttp.Pkce pkce = http.pkce();
        Map<String, String> params = RawHttp.authorizationParams(pkce);
        params.put("client_id", "spa");
        String location = http.get(RawHttp.withQuery(provider.get().authorizationEndpoint(), params))
                .headers().firstValue("Location").orElseThrow();
        Map<String, String> form = codeForm(RawHttp.query(location).get("code"), pkce);
        form.put("client_id", "spa");

        assertThat(http.post(provider.get().tokenEndpoint(), form).statusCode()).isEqualTo(200);

        RawHttp.Pkce pkce2 = http.pkce();
        Map<String, String> confidential = codeForm(http.authorize(provider.get(), pkce2), pkce2);
        confidential.put("client_id", "test-client");
        HttpResponse<String> refused = http.post(provider.get().tokenEndpoint(), confidential);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(http.json(refused)).containsEntry("error", "invalid_client");
    }

    private static Map<String, String> codeForm(String code, RawHttp.Pkce pkce) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", RawHttp.REDIRECT_URI);
        form.put("code_verifier", pkce.verifier());
        return form;
    }
}
