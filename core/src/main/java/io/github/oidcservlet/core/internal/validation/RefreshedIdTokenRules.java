package io.github.oidcservlet.core.internal.validation;

import com.nimbusds.jwt.JWTClaimsSet;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The comparisons OpenID Connect Core 1.0 §12.2 asks between an ID token returned by a refresh and the ID token of
 * the original authentication. The rules every ID token obeys are checked by {@link IdTokenValidator}.
 */
final class RefreshedIdTokenRules {

    private RefreshedIdTokenRules() {
    }

    static void check(JWTClaimsSet refreshed, JWTClaimsSet original, List<String> problems) {
        // §12.2 "its iss Claim Value MUST be the same as in the ID Token issued when the original authentication
        // occurred" (rule 2 has already compared it with the configured issuer; this holds the pair together).
        if (!Objects.equals(refreshed.getIssuer(), original.getIssuer())) {
            problems.add("iss differs from the original ID token's (OIDC Core §12.2)");
        }
        // §12.2 holds iss; with a multi-tenant issuer the tenant (tid) names the issuer, so it must stay too.
        Object tid = refreshed.getClaim("tid");
        Object originalTid = original.getClaim("tid");
        if (!Objects.equals(tid, originalTid)) {
            problems.add("tid '" + tid + "' differs from the original '" + originalTid
                    + "' (OIDC Core §12.2: the same iss, and the tenant is part of the issuer)");
        }
        // §12.2 "its sub Claim Value MUST be the same": another sub is another user, so the login ends.
        if (!Objects.equals(refreshed.getSubject(), original.getSubject())) {
            problems.add("sub '" + refreshed.getSubject() + "' differs from the original '" + original.getSubject()
                    + "' (OIDC Core §12.2)");
        }
        // §12.2 "its aud Claim Value MUST be the same as in the ID Token issued when the original authentication
        // occurred": the same audiences, not only one containing our client_id (rule 3). Order does not matter.
        List<String> audience = refreshed.getAudience();
        List<String> originalAudience = original.getAudience();
        if (!new HashSet<>(audience).equals(new HashSet<>(originalAudience))) {
            problems.add("aud " + audience + " differs from the original " + originalAudience + " (OIDC Core §12.2)");
        }
        // §12.2 "its iat Claim MUST represent the time that the new ID Token is issued": present and not in the
        // future is rule 10 (checked for every ID token); it cannot be older than the original ID token either.
        Date iat = refreshed.getIssueTime();
        Date originalIat = original.getIssueTime();
        if (iat != null && originalIat != null && iat.before(originalIat)) {
            problems.add("iat " + iat.toInstant() + " is before the original ID token's " + originalIat.toInstant()
                    + ", so it is not the time the new token was issued (OIDC Core §12.2)");
        }
        // §12.2 "its azp Claim Value MUST be the same as in the ID Token issued when the original authentication
        // occurred; if no azp Claim was present in the original ID Token, one MUST NOT be present in the new".
        String azp = IdTokenValidator.stringClaim(refreshed, "azp", problems);
        String originalAzp = IdTokenValidator.stringClaim(original, "azp", problems);
        if (!Objects.equals(azp, originalAzp)) {
            problems.add("azp '" + azp + "' differs from the original '" + originalAzp + "' (OIDC Core §12.2)");
        }
        // §12.2 "if the ID Token contains an auth_time Claim, its value MUST represent the time of the original
        // authentication - not the time that the new ID token is issued".
        Date authTime = IdTokenValidator.dateClaim(refreshed, "auth_time", problems);
        Date originalAuthTime = IdTokenValidator.dateClaim(original, "auth_time", problems);
        if (authTime != null && originalAuthTime != null && !authTime.equals(originalAuthTime)) {
            problems.add("auth_time " + authTime.toInstant() + " is not the original authentication's "
                    + originalAuthTime.toInstant() + " (OIDC Core §12.2)");
        }
        // A nonce binds an ID token to one authentication request; a refresh has none, so the token SHOULD NOT
        // carry one. Our choice: absent is fine, the original's value is tolerated (some providers copy it),
        // any other value is refused as a token minted for another request.
        String nonce = IdTokenValidator.stringClaim(refreshed, "nonce", problems);
        String originalNonce = IdTokenValidator.stringClaim(original, "nonce", problems);
        if (nonce != null && !nonce.equals(originalNonce)) {
            problems.add("nonce is present and differs from the original ID token's (OIDC Core §12.2)");
        }
    }
}
