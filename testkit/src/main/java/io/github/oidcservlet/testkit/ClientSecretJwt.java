package io.github.oidcservlet.testkit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** {@code client_secret_jwt}: an HMAC-signed assertion keyed with the client secret (OIDC Core §9). */
final class ClientSecretJwt implements ClientCredentialCheck {

    private static final Set<JWSAlgorithm> ALGS = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);

    private final ClientAssertionCheck check;

    ClientSecretJwt(ClientAssertionCheck check) {
        this.check = check;
    }

    @Override
    public String name() {
        return "client_secret_jwt";
    }

    @Override
    public boolean isUsedBy(RecordedRequest request) {
        JWSAlgorithm alg = ClientAssertionCheck.algorithm(request);
        return alg != null && ALGS.contains(alg);
    }

    @Override
    public ClientAuthResult authenticate(RecordedRequest request, Clients clients) {
        return check.check(request, clients, name(), ALGS, (client, alg) -> client.secret() == null ? null
                : new MACVerifier(client.secret().getBytes(StandardCharsets.UTF_8)));
    }
}
