package io.github.oidcservlet.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checks RFC 7523 §3 and OIDC Core §9 make on a JWT client assertion, shared by {@code client_secret_jwt} and
 * {@code private_key_jwt}; the method supplies the verifier. Remembers every {@code jti} it accepted, so a
 * replayed assertion is refused.
 */
final class ClientAssertionCheck {

    /** RFC 7523 §2.2. */
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** How a method verifies the signature, given the client the assertion names. */
    interface Verifiers {
        /** A verifier for this client, or {@code null} when the client cannot use this method. */
        JWSVerifier verifierFor(RegisteredClient client, JWSAlgorithm alg) throws JOSEException;
    }

    private final ProviderContext context;
    private final Set<String> usedJtis = ConcurrentHashMap.newKeySet();

    ClientAssertionCheck(ProviderContext context) {
        this.context = context;
    }

    void forgetJtis() {
        usedJtis.clear();
    }

    /** The algorithm named in the assertion's header, or {@code null} when there is no parsable assertion. */
    static JWSAlgorithm algorithm(RecordedRequest request) {
        String assertion = request.form("client_assertion");
        if (assertion == null) {
            return null;
        }
        try {
            return SignedJWT.parse(assertion).getHeader().getAlgorithm();
        } catch (ParseException e) {
            return null;
        }
    }

    ClientAuthResult check(RecordedRequest request, Clients clients, String method, Set<JWSAlgorithm> algs,
            Verifiers verifiers) {
        if (!JWT_BEARER.equals(request.form("client_assertion_type"))) {
            return invalid("client_assertion_type must be " + JWT_BEARER);
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(request.form("client_assertion"));
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return invalid("client_assertion is not a signed JWT");
        }
        if (!algs.contains(jwt.getHeader().getAlgorithm())) {
            return invalid(method + " assertions must be signed with one of " + algs);
        }
        // RFC 7523 §3 (1), (2): iss and sub are the client_id; OIDC Core §9: client_id, if sent, is the same.
        String clientId = claims.getIssuer();
        if (clientId == null || !clientId.equals(claims.getSubject())) {
            return invalid("iss and sub of the client assertion must both be the client_id");
        }
        String formClientId = request.form("client_id");
        if (formClientId != null && !formClientId.equals(clientId)) {
            return invalid("client_id differs from the assertion's iss");
        }
        RegisteredClient client = clients.find(clientId);
        if (client == null) {
            return invalid("unknown client '" + clientId + "'");
        }
        ClientAuthResult claimProblem = checkClaims(claims);
        if (claimProblem != null) {
            return claimProblem;
        }
        try {
            JWSVerifier verifier = verifiers.verifierFor(client, jwt.getHeader().getAlgorithm());
            if (verifier == null || !jwt.verify(verifier)) {
                return invalid("the client assertion's signature does not verify for '" + clientId + "'");
            }
        } catch (JOSEException e) {
            return invalid("the client assertion's signature cannot be verified: " + e.getMessage());
        }
        // RFC 7523 §3 (7): "The authorization server MAY ensure that JWTs are not replayed by maintaining the set
        // of used jti values for the length of time for which the JWT would be considered valid".
        if (!usedJtis.add(clientId + " " + claims.getJWTID())) {
            return invalid("the client assertion's jti was already used (RFC 7523 §3: no replay)");
        }
        return new ClientAuthResult.Authenticated(client, method);
    }

    private ClientAuthResult checkClaims(JWTClaimsSet claims) {
        // RFC 7523 §3 (3): aud identifies the authorization server; OIDC Core §9: SHOULD be the token endpoint URL;
        // RFC 9126 §2: the server "MUST accept its issuer identifier, token endpoint URL, or pushed authorization
        // request endpoint URL".
        List<String> audience = claims.getAudience();
        Set<String> accepted = context.behaviour.clientAssertionAudiences() != null
                ? context.behaviour.clientAssertionAudiences()
                : Set.of(context.uris.resolve(EndpointUris.TOKEN).toString(),
                        context.uris.resolve(EndpointUris.PAR).toString(), context.issuer);
        if (audience == null || audience.stream().noneMatch(accepted::contains)) {
            return invalid("the client assertion's aud " + audience + " names none of " + accepted);
        }
        Instant now = context.clock.instant();
        // RFC 7523 §3 (4): exp is required and the JWT is refused after it.
        Date exp = claims.getExpirationTime();
        if (exp == null || !now.isBefore(exp.toInstant())) {
            return invalid("the client assertion has no exp or has expired");
        }
        // OIDC Core §9: jti is REQUIRED.
        if (claims.getJWTID() == null || claims.getJWTID().isEmpty()) {
            return invalid("the client assertion has no jti");
        }
        return null;
    }

    private static ClientAuthResult invalid(String description) {
        return ClientAuthResult.Failed.invalidClient(description, false);
    }
}
