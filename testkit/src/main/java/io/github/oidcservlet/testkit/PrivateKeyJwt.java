package io.github.oidcservlet.testkit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import java.util.Set;

/** {@code private_key_jwt}: an assertion signed with the client's registered key pair (OIDC Core §9). */
final class PrivateKeyJwt implements ClientCredentialCheck {

    private static final Set<JWSAlgorithm> ALGS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);

    private final ClientAssertionCheck check;

    PrivateKeyJwt(ClientAssertionCheck check) {
        this.check = check;
    }

    @Override
    public String name() {
        return "private_key_jwt";
    }

    @Override
    public boolean isUsedBy(RecordedRequest request) {
        JWSAlgorithm alg = ClientAssertionCheck.algorithm(request);
        return request.form("client_assertion") != null && (alg == null || !alg.getName().startsWith("HS"));
    }

    @Override
    public ClientAuthResult authenticate(RecordedRequest request, Clients clients) {
        return check.check(request, clients, name(), ALGS, (client, alg) -> client.publicKey() == null ? null
                : new DefaultJWSVerifierFactory().createJWSVerifier(
                        new com.nimbusds.jose.JWSHeader(alg), client.publicKey()));
    }
}
