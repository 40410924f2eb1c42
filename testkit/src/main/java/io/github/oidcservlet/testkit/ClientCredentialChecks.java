package io.github.oidcservlet.testkit;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The provider side of client authentication: picks the method a request uses and checks it against the accepted ones. */
final class ClientCredentialChecks {

    /** Methods that carry credentials; a request may use at most one of them. */
    private final List<ClientCredentialCheck> credentialMethods;
    /** Used when a request carries no credentials at all. */
    private final ClientCredentialCheck fallback = new NoClientAuthentication();

    ClientCredentialChecks(ClientAssertionCheck assertions) {
        credentialMethods = List.of(new ClientSecretBasic(), new ClientSecretPost(), new ClientSecretJwt(assertions),
                new PrivateKeyJwt(assertions));
    }

    /** The method names in the order discovery lists them. */
    List<String> knownMethods() {
        return Stream.concat(credentialMethods.stream(), Stream.of(fallback)).map(ClientCredentialCheck::name).toList();
    }

    ClientAuthResult authenticate(RecordedRequest request, Clients clients, Set<String> allowed) {
        List<ClientCredentialCheck> used = credentialMethods.stream().filter(m -> m.isUsedBy(request)).toList();
        // RFC 6749 §2.3: the client MUST NOT use more than one authentication method in each request.
        if (used.size() > 1) {
            return new ClientAuthResult.Failed(400, "invalid_request", "more than one client authentication method: "
                    + used.stream().map(ClientCredentialCheck::name).toList(), false);
        }
        ClientCredentialCheck method = used.isEmpty() ? fallback : used.get(0);
        if (used.isEmpty() && !fallback.isUsedBy(request)) {
            return ClientAuthResult.Failed.invalidClient("no client authentication and no client_id", false);
        }
        if (!allowed.contains(method.name())) {
            return ClientAuthResult.Failed.invalidClient("client authentication method " + method.name()
                    + " is not accepted here (accepted: " + allowed + ")", method instanceof ClientSecretBasic);
        }
        return method.authenticate(request, clients);
    }
}
