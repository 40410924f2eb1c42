package io.github.oidcservlet.core.internal.login;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.internal.config.UserinfoPolicy;

import java.util.Map;
import java.util.Set;

/**
 * Whether a login calls the UserInfo endpoint. {@code always} and {@code never} say so; {@code auto} skips the call
 * only when, for every requested scope, the ID token already carries claims of that scope.
 */
final class UserinfoNeed {

    /** OIDC Core §5.4: the claims each standard scope value requests. */
    private static final Map<String, Set<String>> SCOPE_CLAIMS = Map.of(
            "profile", Set.of("name", "family_name", "given_name", "middle_name", "nickname", "preferred_username",
                    "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"),
            "email", Set.of("email", "email_verified"),
            "address", Set.of("address"),
            "phone", Set.of("phone_number", "phone_number_verified"));

    /** Scope values that request no claims: openid (§3.1.2.1) and offline_access (§11). */
    private static final Set<String> NO_CLAIMS = Set.of("openid", "offline_access");

    private UserinfoNeed() {
    }

    static boolean needed(UserinfoPolicy policy, String scopes, JWTClaimsSet idClaims) {
        return switch (policy) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> anyScopeMissing(scopes, idClaims);
        };
    }

    /**
     * OIDC Core §5.4: with an access token issued, the claims of profile, email, address and phone "are returned
     * from the UserInfo Endpoint"; a provider may put them in the ID token too, and all of them are voluntary.
     * A scope whose claims are all absent from the ID token, or a scope this table does not know (whose claims
     * cannot be told), needs the UserInfo response.
     */
    private static boolean anyScopeMissing(String scopes, JWTClaimsSet idClaims) {
        Set<String> present = idClaims.getClaims().keySet();
        for (String scope : scopes.trim().split(" +")) {
            if (NO_CLAIMS.contains(scope)) {
                continue;
            }
            Set<String> claims = SCOPE_CLAIMS.get(scope);
            if (claims == null || claims.stream().noneMatch(present::contains)) {
                return true;
            }
        }
        return false;
    }
}
